import fc from "fast-check";
import type { ForwardRequest, GradientsRequest, StepRequest } from "../../implementation.ts";
import type { Activation, Matrix, NetworkSpec, Params } from "../../network/types.ts";
import { ACTIVATION_TABLE } from "../../family/activations.ts";
import { assertValid, validateNetwork } from "../../network/validate.ts";
import { uniformDouble } from "./numbers.ts";

/** A closed range `[lo, hi]`. */
export type Range = readonly [number, number];

/** A request-shaped case for one network: params, a batch and a learning rate. */
export interface NetworkCase {
  readonly network: NetworkSpec;
  readonly params: Params;
  /** `inputs[sample][feature]`. */
  readonly inputs: Matrix;
  /** `targets[sample][output]`. */
  readonly targets: Matrix;
  readonly learningRate: number;
}

/** How `networkCase` draws; every field is optional. */
export interface NetworkCaseOptions {
  /** Samples per batch, default 1 and 4. */
  readonly minBatch?: number;
  readonly maxBatch?: number;
  /** Every weight and bias; default [−1, 1]. */
  readonly paramRange?: Range;
  /** Every input feature; default [−1, 1]. */
  readonly inputRange?: Range;
  /** Every target; default by output activation: logistic [0, 1], tanh [−1, 1], relu [0, 2], identity [−2, 2]. */
  readonly targetRange?: Range;
  /** Default [0.01, 0.5]. */
  readonly learningRate?: Range;
}

const TARGET_RANGE = (f: Activation): Range => ACTIVATION_TABLE[f].targetRange;

/** A vector of `length` doubles uniform in `range`. */
export function vectorArb(length: number, range: Range): fc.Arbitrary<number[]> {
  return fc.array(uniformDouble(range[0], range[1]), { minLength: length, maxLength: length });
}

/** A rows × cols matrix of doubles uniform in `range`. */
export function matrixArb(rows: number, cols: number, range: Range): fc.Arbitrary<number[][]> {
  return fc.array(vectorArb(cols, range), { minLength: rows, maxLength: rows });
}

/** Params for `network`: every W_l (units × fan-in) and b_l uniform in `range`. */
export function paramsArb(network: NetworkSpec, range: Range = [-1, 1]): fc.Arbitrary<Params> {
  const layers = network.layers.slice(1).map((units, l) => fc.record({ W: matrixArb(units, network.layers[l]!, range), b: vectorArb(units, range) }));
  return fc.tuple(...layers);
}

/** A batch for `network`: samples (input, target) shrinking toward fewer samples. */
export function batchArb(network: NetworkSpec, options: NetworkCaseOptions = {}): fc.Arbitrary<{ inputs: number[][]; targets: number[][] }> {
  const sample = fc.record({
    x: vectorArb(network.layers[0]!, options.inputRange ?? [-1, 1]),
    y: vectorArb(network.layers.at(-1)!, options.targetRange ?? TARGET_RANGE(network.activations.at(-1)!)),
  });
  return fc
    .array(sample, { minLength: options.minBatch ?? 1, maxLength: options.maxBatch ?? 4 })
    .map((samples) => ({ inputs: samples.map((s) => s.x), targets: samples.map((s) => s.y) }));
}

/** A whole case for `network` (params, batch, learning rate), shrinking toward one sample and params near 0. */
export function networkCaseArb(network: NetworkSpec, options: NetworkCaseOptions = {}): fc.Arbitrary<NetworkCase> {
  assertValid(validateNetwork(network), "networkCaseArb");
  const [lo, hi] = options.learningRate ?? [0.01, 0.5];
  return fc
    // the batch first: fast-check shrinks a record's fields in order, and fewer samples is the biggest simplification
    .record({ batch: batchArb(network, options), params: paramsArb(network, options.paramRange), learningRate: uniformDouble(lo, hi) })
    .map(({ params, batch, learningRate }) => ({ network, params, ...batch, learningRate }));
}

/** The forward request of a case (only the fields the protocol defines). */
export function forwardRequestOf(c: NetworkCase): ForwardRequest {
  return { network: c.network, params: c.params, inputs: c.inputs };
}

/** The gradients request of a case (only the fields the protocol defines). */
export function gradientsRequestOf(c: NetworkCase): GradientsRequest {
  return { network: c.network, params: c.params, inputs: c.inputs, targets: c.targets };
}

/** The step request of a case. */
export function stepRequestOf(c: NetworkCase, learningRate: number = c.learningRate): StepRequest {
  return { ...gradientsRequestOf(c), learningRate };
}
