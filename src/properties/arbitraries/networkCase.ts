import fc from "fast-check";
import type { ForwardRequest, GradientsRequest, StepRequest } from "../../implementation.ts";
import type { Activation, Matrix, NetworkSpec, Params } from "../../network/types.ts";
import { ACTIVATION_TABLE } from "../../family/activations.ts";
import { COST_TABLE } from "../../family/costs.ts";
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
  /**
   * Every target of a squared-error cost; default by output activation (the family table's `targetRange`: logistic
   * [0, 1], tanh [−1, 1], relu [0, 2], identity [−2, 2], …). The cross-entropies draw their own (see `targetsArb`).
   */
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

/** The one-hot vector of `K` entries on class `hot`. */
export function oneHot(K: number, hot: number): number[] {
  return Array.from({ length: K }, (_, k) => (k === hot ? 1 : 0));
}

/** ε of a smoothed one-hot target of K classes, 2^−(6 + ⌈log₂ K⌉) (as `randomCase` draws them): dyadic, and (K − 1)·ε < 2^−6. */
export function smoothingOf(K: number): number {
  return 2 ** -(6 + Math.ceil(Math.log2(K)));
}

/** The smoothed one-hot target: ε on every class but `hot`, 1 − (K − 1)·ε on it — dyadic, so it sums to 1 exactly. */
export function smoothedOneHot(K: number, hot: number): number[] {
  const epsilon = smoothingOf(K);
  return Array.from({ length: K }, (_, k) => (k === hot ? 1 - (K - 1) * epsilon : epsilon));
}

/**
 * A probability vector of K dyadic entries (multiples of 2^−(12 + ⌈log₂ K⌉), so they sum to 1 exactly in float32 and
 * float64): one-hot half the time, smoothed one-hot a quarter, else any such vector.
 */
export function probabilityVectorArb(K: number): fc.Arbitrary<number[]> {
  if (K === 1) return fc.constant([1]);
  const bits = 12 + Math.ceil(Math.log2(K));
  const general = fc
    .record({ hot: fc.nat(K - 1), m: fc.array(fc.integer({ min: 0, max: 2 ** 12 }), { minLength: K, maxLength: K }) })
    .map(({ hot, m }) => {
      const y = m.map((mk, k) => (k === hot ? 0 : mk * 2 ** -bits));
      y[hot] = 1 - y.reduce((s, yk) => s + yk, 0); // exact: every partial sum is a multiple of 2^−bits below 1
      return y;
    });
  return fc.oneof(
    { weight: 2, arbitrary: fc.nat(K - 1).map((hot) => oneHot(K, hot)) },
    { weight: 1, arbitrary: fc.nat(K - 1).map((hot) => smoothedOneHot(K, hot)) },
    { weight: 1, arbitrary: general },
  );
}

/**
 * One sample's target for `network`, by its cost's rule (the family table's `targets`): uniform in `range` for the
 * squared errors; for binary_cross_entropy each entry 0 or 1 half the time, else uniform in [0, 1]; for
 * cross_entropy a probability vector (`probabilityVectorArb`).
 */
export function targetsArb(network: NetworkSpec, range: Range = TARGET_RANGE(network.activations.at(-1)!)): fc.Arbitrary<number[]> {
  const K = network.layers.at(-1)!;
  const rule = COST_TABLE[network.cost].targets;
  if (rule === "probability") return probabilityVectorArb(K);
  if (rule === "unit-interval") {
    const entry = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(0, 1) }, { weight: 1, arbitrary: uniformDouble(0, 1) });
    return fc.array(entry, { minLength: K, maxLength: K });
  }
  return vectorArb(K, range);
}

/** A batch for `network`: samples (input, target) shrinking toward fewer samples; targets as `targetsArb` draws them. */
export function batchArb(network: NetworkSpec, options: NetworkCaseOptions = {}): fc.Arbitrary<{ inputs: number[][]; targets: number[][] }> {
  const sample = fc.record({
    x: vectorArb(network.layers[0]!, options.inputRange ?? [-1, 1]),
    y: targetsArb(network, options.targetRange),
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
