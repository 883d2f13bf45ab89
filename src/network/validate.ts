/**
 * Boundary checks for requests: each `validate…` returns human messages naming what was expected and
 * what arrived (empty when valid); `assertValid` turns them into an `ImplementationError("invalid_params")`.
 * Checks that take a `NetworkSpec` assume it passed `validateNetwork`; the request validators see to that.
 */
import { ImplementationError } from "../implementation.ts";
import { COST_TABLE } from "../family/costs.ts";
import { ACTIVATIONS, COSTS, REDUCTIONS, type NetworkSpec } from "./types.ts";
import { validateOptimizer } from "./validateOptimizer.ts";

/** At most this many messages per array field; the rest are counted in one summary line. */
const MAX_MESSAGES_PER_FIELD = 5;

/**
 * Messages for everything wrong with a `NetworkSpec` (layers, activations, cost, reduction); empty when valid.
 * Softmax may only be the output layer's activation; binary_cross_entropy needs a logistic output layer and
 * cross_entropy a softmax one.
 */
export function validateNetwork(network: unknown): string[] {
  if (!isRecord(network)) return [`network is ${describe(network)}, expected an object {layers, activations, cost}`];
  const { layers, activations, cost, reduction } = network;
  const messages: string[] = [];
  if (!Array.isArray(layers)) messages.push(`network.layers is ${describe(layers)}, expected an array of positive integers`);
  else {
    if (layers.length < 2) messages.push(`network.layers has ${count(layers.length, "entry", "entries")}, expected at least 2 (inputs and outputs)`);
    layers.forEach((width: unknown, l) => {
      if (!(Number.isSafeInteger(width) && (width as number) > 0)) messages.push(`network.layers[${l}] is ${describe(width)}, expected a positive integer`);
    });
  }
  if (!Array.isArray(activations)) messages.push(`network.activations is ${describe(activations)}, expected an array of activation names`);
  else {
    if (Array.isArray(layers) && layers.length >= 2 && activations.length !== layers.length - 1) {
      messages.push(`network.activations has ${count(activations.length, "entry", "entries")}, expected ${layers.length - 1} (layers.length − 1)`);
    }
    activations.forEach((name: unknown, l) => {
      if (!ACTIVATIONS.includes(name as never)) messages.push(`network.activations[${l}] is ${describe(name)}, expected one of ${ACTIVATIONS.join(", ")}`);
      else if (name === "softmax" && l !== activations.length - 1) messages.push(`network.activations[${l}] is "softmax", which acts on a whole layer and may only be the output layer's (the last entry)`);
    });
  }
  if (!COSTS.includes(cost as never)) messages.push(`network.cost is ${describe(cost)}, expected one of ${COSTS.map((c) => `"${c}"`).join(", ")}`);
  else {
    const output = COST_TABLE[cost as NetworkSpec["cost"]].output;
    const last = Array.isArray(activations) ? activations[activations.length - 1] : undefined;
    if (output !== undefined && Array.isArray(activations) && last !== output) {
      messages.push(`network.cost "${String(cost)}" is defined on a ${output} output layer, but the last activation is ${describe(last)}`);
    }
  }
  if (reduction !== undefined && !REDUCTIONS.includes(reduction as never)) {
    messages.push(`network.reduction is ${describe(reduction)}, expected one of ${REDUCTIONS.map((r) => `"${r}"`).join(", ")} (or absent: "mean")`);
  }
  return messages;
}

/** Messages for `params` that do not fit `network`: per layer l, W is layers[l]×layers[l−1] and b has layers[l] finite entries. */
export function validateParams(network: NetworkSpec, params: unknown): string[] {
  const layerCount = network.layers.length - 1;
  if (!Array.isArray(params)) return [`params is ${describe(params)}, expected an array of ${layerCount} {W, b} (layers.length − 1)`];
  if (params.length !== layerCount) return [`params has ${count(params.length, "layer", "layers")}, expected ${layerCount} (layers.length − 1)`];
  return params.flatMap((layer: unknown, l) => {
    if (!isRecord(layer)) return [`params[${l}] is ${describe(layer)}, expected an object {W, b}`];
    const units = { size: network.layers[l + 1]!, why: `layers[${l + 1}]` };
    const fanIn = { size: network.layers[l]!, why: `layers[${l}]` };
    return [...checkMatrix(`params[${l}].W`, layer["W"], { ...units, noun: "rows" }, fanIn), ...checkVector(`params[${l}].b`, layer["b"], units)];
  });
}

/** Messages for `inputs` that are not n ≥ 1 samples × layers[0] finite numbers. */
export function validateInputs(network: NetworkSpec, inputs: unknown): string[] {
  return checkMatrix("inputs", inputs, { min: 1, noun: "samples" }, { size: network.layers[0]!, why: "layers[0]" });
}

/** How far a cross-entropy target row's sum may be from 1 (soft targets written as decimals, or rounded to float32). */
const PROBABILITY_SUM_SLACK = 1e-6;

/**
 * Messages for `targets` that are not `sampleCount` samples × layers[last] finite numbers, or that break the cost's
 * rule: binary_cross_entropy targets in [0, 1]; cross_entropy targets probability vectors (entries in [0, 1]
 * summing to 1, within 1e-6).
 */
export function validateTargets(network: NetworkSpec, targets: unknown, sampleCount: number): string[] {
  const last = network.layers.length - 1;
  const shape = checkMatrix("targets", targets, { size: sampleCount, why: "one per input sample", noun: "samples" }, { size: network.layers[last]!, why: `layers[${last}]` });
  if (shape.length > 0) return shape;
  const rule = COST_TABLE[network.cost].targets;
  if (rule === "real") return [];
  const rows = targets as readonly (readonly number[])[];
  return capped("targets", rows.flatMap((row, s) => {
    const outside = row.flatMap((y, k) => (y >= 0 && y <= 1 ? [] : [`targets[${s}][${k}] is ${describe(y)}, expected a number in [0, 1] (${network.cost} targets)`]));
    if (rule !== "probability" || outside.length > 0) return outside;
    const sum = row.reduce((acc, y) => acc + y, 0);
    return Math.abs(sum - 1) <= PROBABILITY_SUM_SLACK ? [] : [`targets[${s}] sums to ${sum}, expected 1 (a probability vector: cross_entropy targets, one-hot commonly)`];
  }));
}

/** Messages for a learning rate that is not a finite number. */
export function validateLearningRate(learningRate: unknown): string[] {
  return isFiniteNumber(learningRate) ? [] : [`learningRate is ${describe(learningRate)}, expected a finite number`];
}

/** Messages for an SGD `order` that is not an array of integer sample indices in [0, sampleCount). */
export function validateOrder(order: unknown, sampleCount: number): string[] {
  if (!Array.isArray(order)) return [`order is ${describe(order)}, expected an array of sample indices`];
  return capped("order", order.flatMap((index: unknown, k) =>
    Number.isInteger(index) && (index as number) >= 0 && (index as number) < sampleCount
      ? []
      : [`order[${k}] is ${describe(index)}, expected an integer in [0, ${sampleCount}) (a sample index)`]));
}

/** Messages for an activation request: a known `name` and a vector `x` of finite numbers (softmax: at least one). */
export function validateActivationRequest(request: unknown): string[] {
  if (!isRecord(request)) return [`request is ${describe(request)}, expected an object {name, x}`];
  const name = ACTIVATIONS.includes(request["name"] as never) ? [] : [`name is ${describe(request["name"])}, expected one of ${ACTIVATIONS.join(", ")}`];
  return [...name, ...checkVector("x", request["x"], request["name"] === "softmax" ? { min: 1, why: "softmax of an empty vector is undefined" } : {})];
}

/** Messages for a forward request: the network, then params and inputs against it. */
export function validateForwardRequest(request: unknown): string[] {
  return validateRequest(request, [paramsPart, inputsPart]);
}

/** Messages for a gradients request: a forward request plus one target row per input sample. */
export function validateGradientsRequest(request: unknown): string[] {
  return validateRequest(request, [paramsPart, inputsPart, targetsPart]);
}

/** Messages for a step request: a gradients request plus a finite learning rate (and an optional optimizer and state). */
export function validateStepRequest(request: unknown): string[] {
  return validateRequest(request, [paramsPart, inputsPart, targetsPart, learningRatePart, optimizerPart]);
}

/** Messages for a train request: a step request plus an `order` of sample indices. */
export function validateTrainRequest(request: unknown): string[] {
  return validateRequest(request, [paramsPart, inputsPart, targetsPart, learningRatePart, orderPart, optimizerPart]);
}

/** Throws `ImplementationError("invalid_params", "<context>: m1; m2; …")` when `messages` is not empty. */
export function assertValid(messages: readonly string[], context: string): void {
  if (messages.length > 0) throw new ImplementationError("invalid_params", `${context}: ${messages.join("; ")}`);
}

/** One field of a request, checked against a valid network; `sampleCount` is undefined when inputs is not an array. */
type RequestPart = (network: NetworkSpec, request: Record<string, unknown>, sampleCount: number | undefined) => string[];

const paramsPart: RequestPart = (network, request) => validateParams(network, request["params"]);
const inputsPart: RequestPart = (network, request) => validateInputs(network, request["inputs"]);
const targetsPart: RequestPart = (network, request, n) => (n === undefined ? [] : validateTargets(network, request["targets"], n));
const learningRatePart: RequestPart = (_network, request) => validateLearningRate(request["learningRate"]);
const orderPart: RequestPart = (_network, request, n) => (n === undefined ? [] : validateOrder(request["order"], n));
const optimizerPart: RequestPart = (network, request) => validateOptimizer(network, request["optimizer"], request["state"]);

function validateRequest(request: unknown, parts: readonly RequestPart[]): string[] {
  if (!isRecord(request)) return [`request is ${describe(request)}, expected an object {network, params, inputs, …}`];
  const networkMessages = validateNetwork(request["network"]);
  if (networkMessages.length > 0) return networkMessages;
  const network = request["network"] as NetworkSpec;
  const sampleCount = Array.isArray(request["inputs"]) ? request["inputs"].length : undefined;
  return parts.flatMap((part) => part(network, request, sampleCount));
}

/** How many rows or entries a field must have: exactly `size`, or at least `min`; `why` names where the number comes from. */
interface Extent {
  readonly size?: number;
  readonly min?: number;
  readonly why?: string;
}

function checkMatrix(name: string, value: unknown, rows: Extent & { readonly noun: string }, columns: Extent): string[] {
  if (!Array.isArray(value)) return [`${name} is ${describe(value)}, expected an array of ${expectedCount(rows)}${rows.noun}`];
  const rowCount = checkCount(name, value.length, rows, rows.noun);
  const entries = value.flatMap((row: unknown, i) => checkVector(`${name}[${i}]`, row, columns));
  return [...rowCount, ...capped(name, entries)];
}

function checkVector(name: string, value: unknown, entries: Extent): string[] {
  if (!Array.isArray(value)) return [`${name} is ${describe(value)}, expected an array of ${expectedCount(entries)}numbers`];
  const bad: string[] = []; // a loop, not flatMap: vectors of 10⁵ entries are checked on every call
  for (let j = 0; j < value.length; j++) if (!isFiniteNumber(value[j])) bad.push(`${name}[${j}] is ${describe(value[j])}, expected a finite number`);
  return [...checkCount(name, value.length, entries, "entries"), ...capped(name, bad)];
}

const SINGULAR: Readonly<Record<string, string>> = { rows: "row", samples: "sample", entries: "entry" };

function checkCount(name: string, actual: number, expected: Extent, noun: string): string[] {
  const why = expected.why === undefined ? "" : ` (${expected.why})`;
  const has = `${name} has ${actual} ${actual === 1 ? SINGULAR[noun] ?? noun : noun}`;
  if (expected.size !== undefined && actual !== expected.size) return [`${has}, expected ${expected.size}${why}`];
  if (expected.min !== undefined && actual < expected.min) return [`${has}, expected at least ${expected.min}${why}`];
  return [];
}

/** "3 (layers[1]) ", "at least 1 " or "" — the count part of "expected an array of …". */
function expectedCount(extent: Extent): string {
  const why = extent.why === undefined ? "" : ` (${extent.why})`;
  if (extent.size !== undefined) return `${extent.size}${why} `;
  return extent.min !== undefined ? `at least ${extent.min}${why} ` : "";
}

function capped(name: string, messages: string[]): string[] {
  if (messages.length <= MAX_MESSAGES_PER_FIELD) return messages;
  const more = messages.length - MAX_MESSAGES_PER_FIELD;
  return [...messages.slice(0, MAX_MESSAGES_PER_FIELD), `${name}: ${more} more problem${more === 1 ? "" : "s"} like these`];
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A short description of an arriving value for messages: `NaN`, `"abc"`, `an array of 4`, `null`. */
function describe(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null || value === undefined) return String(value);
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
