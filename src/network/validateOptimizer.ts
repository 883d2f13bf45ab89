/**
 * Boundary checks for the optional `optimizer` and `state` of step and train requests (see docs/protocol.md):
 * messages naming each bad field, empty when valid; `withOptimizerDefaults` fills absent fields with PyTorch's defaults.
 */
import { OPTIMIZERS, type Optimizer } from "../implementation.ts";
import type { NetworkSpec } from "./types.ts";
import { validateParams } from "./validate.ts";

/** PyTorch's defaults for the fields a request may leave out (torch.optim.SGD, Adam, AdamW). */
const DEFAULTS = {
  sgd: { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  adamw: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 },
} as const;

/** The hyper-parameters each optimizer takes, with the range each must lie in. */
const RANGES: Readonly<Record<string, readonly [string, (x: number) => boolean, string][]>> = {
  sgd: [["momentum", (x) => x >= 0, "≥ 0"], ["dampening", Number.isFinite, "finite"], ["weightDecay", (x) => x >= 0, "≥ 0"]],
  adam: [["beta1", (x) => x >= 0 && x < 1, "in [0, 1)"], ["beta2", (x) => x >= 0 && x < 1, "in [0, 1)"], ["epsilon", (x) => x > 0, "> 0"], ["weightDecay", (x) => x >= 0, "≥ 0"]],
};

/** `optimizer` with PyTorch's defaults for its absent fields (a valid one: see validateOptimizer). */
export function withOptimizerDefaults(optimizer: Optimizer): Optimizer {
  return { ...DEFAULTS[optimizer.name], ...optimizer } as Optimizer;
}

/** Messages for a request's `optimizer` and `state` (both optional) against its network. */
export function validateOptimizer(network: NetworkSpec, optimizer: unknown, state: unknown): string[] {
  if (optimizer === undefined) return state === undefined || state === null ? [] : ["state is given without an optimizer (plain SGD has no state)"];
  if (!isRecord(optimizer) || !(OPTIMIZERS as readonly unknown[]).includes(optimizer["name"])) {
    return [`optimizer.name is ${JSON.stringify(isRecord(optimizer) ? optimizer["name"] : optimizer)}, expected one of ${OPTIMIZERS.join(", ")}`];
  }
  const name = optimizer["name"] as Optimizer["name"];
  const messages = (RANGES[name === "sgd" ? "sgd" : "adam"] ?? []).flatMap(([key, ok, range]) => {
    const x = optimizer[key];
    return x === undefined || (typeof x === "number" && Number.isFinite(x) && ok(x)) ? [] : [`optimizer.${key} is ${JSON.stringify(x)}, expected a number ${range}`];
  });
  if (name === "sgd" && optimizer["nesterov"] !== undefined && typeof optimizer["nesterov"] !== "boolean") messages.push(`optimizer.nesterov is ${JSON.stringify(optimizer["nesterov"])}, expected true or false`);
  if (state === undefined || state === null) return messages;
  if (!isRecord(state)) return [...messages, `state is ${JSON.stringify(state)?.slice(0, 40)}, expected an object or null`];
  const params = (key: string, value: unknown) => validateParams(network, value).map((m) => m.replace(/^params/, `state.${key}`));
  if (name === "sgd") {
    const B = state["momentumBuffer"];
    return B === undefined || B === null ? messages : [...messages, ...params("momentumBuffer", B)];
  }
  const t = state["step"];
  if (!(Number.isSafeInteger(t) && (t as number) >= 0)) messages.push(`state.step is ${JSON.stringify(t)}, expected an integer ≥ 0 (the steps taken)`);
  messages.push(...params("m", state["m"]), ...params("v", state["v"]));
  const v = state["v"];
  if (Array.isArray(v) && validateParams(network, v).length === 0 && (v as { W: number[][]; b: number[] }[]).some(({ W, b }) => [...W.flat(), ...b].some((x) => x < 0))) {
    messages.push("state.v has a negative entry, expected every entry ≥ 0 (a second moment)");
  }
  return messages;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
