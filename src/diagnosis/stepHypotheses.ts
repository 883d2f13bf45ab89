/**
 * The hypotheses about a wrong `step` or `train` whose gradients may well be right, as data: each one says which
 * rate the wrong step used, or which gradients (the exact ones, or the ones backpropagated through weights already
 * updated), so that the exact step it predicts can be compared with the answer like the right one.
 */
import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams, OracleGradients } from "../oracle/index.ts";
import { updatedWeightsGradients } from "./updatedWeightsGradients.ts";

/** What a hypothesis is told about one step: the network, the exact gradients at θ, θ and the inputs in decimal, L. */
export interface StepAt {
  readonly D: DecimalConstructor;
  readonly network: NetworkSpec;
  readonly params: DecimalParams;
  readonly inputs: DecimalMatrix;
  readonly exact: OracleGradients;
  readonly learningRate: Decimal;
}

/** One hypothesis: the rate the wrong step used (L′ for L on a batch of n) and the gradients it stepped along. */
export interface StepHypothesis {
  readonly kind: string;
  /** Whether it can be told apart from the right step on this request (L = 0 makes every rate the same). */
  readonly applies: (learningRate: number, n: number, network: NetworkSpec) => boolean;
  readonly rate: (learningRate: number, n: number) => number;
  /** The gradients stepped along (default: the exact ones). */
  readonly gradients?: (at: StepAt) => DecimalParams;
  /** Why, for people: `what` is "the step" or "every step of the run". */
  readonly why: (what: string, learningRate: number, n: number) => string;
}

const caveat = (factor: string) => `— unless the gradients themselves are ${factor} (the gradients checks tell)`;

/** The hypotheses in the order they are tried; each names one bug. */
export const STEP_HYPOTHESES: readonly StepHypothesis[] = [
  {
    kind: "step-ascends",
    applies: (L) => L !== 0,
    rate: (L) => -L,
    why: (what, L) => `${what} is θ + L·g with the exact g (L = ${L}): it climbs the cost instead of descending — θ − L·g is the descent step ${caveat("of the wrong sign")}`,
  },
  {
    kind: "rate-doubled",
    applies: (L) => L !== 0,
    rate: (L) => 2 * L,
    why: (what, L) => `${what} is θ − 2L·g with the exact g (L = ${L}): the rate doubled, or the update applied twice ${caveat("2×")}`,
  },
  {
    kind: "rate-over-batch",
    applies: (L, n) => L !== 0 && n >= 2,
    rate: (L, n) => L / n,
    why: (what, L, n) => `${what} is θ − (L/n)·g with the exact g (L = ${L}, n = ${n} samples): the rate divided by the batch size, although g is already the reduced gradient ${caveat(`1/${n}×`)}`,
  },
  {
    kind: "updated-output-weights",
    applies: (L, _, network) => L !== 0 && network.layers.length > 2,
    rate: (L) => L,
    gradients: ({ D, network, params, inputs, exact, learningRate }) => updatedWeightsGradients(D, network, params, inputs, exact, learningRate),
    why: (what) =>
      `${what} is θ − L·g where the last layer's g is exact but the layers below were backpropagated through the weights above as already updated by this same step (δ_(l−1) from W_l − L·dC/dW_l instead of W_l): update the weights only after the whole backward pass (synaptic 1.1.4's bug)`,
  },
];

/** θ − L′·g in decimal, the step a hypothesis predicts. */
export function stepAlong(params: DecimalParams, grads: DecimalParams, rate: Decimal): DecimalParams {
  return params.map(({ W, b }, l) => ({
    W: W.map((row, i) => row.map((w, j) => w.minus(rate.times(grads[l]!.W[i]![j]!)))),
    b: b.map((v, i) => v.minus(rate.times(grads[l]!.b[i]!))),
  }));
}
