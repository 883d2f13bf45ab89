/** Shared shapes of the finite-difference engine. */
import type { Vector } from "../network/types.ts";

/** A numeric estimate with a bound on its error (truncation estimated from the extrapolation, plus rounding). */
export interface Estimate {
  readonly value: number;
  readonly error: number;
  /** The steps the estimate was built from, largest first (in the units of the variable differentiated). */
  readonly steps: readonly number[];
}

/** What a black-box cost says at one point: the cost, a bound on its rounding error, and ReLU pre-activations. */
export interface Evaluation {
  readonly cost: number;
  /** A bound on |cost − exact cost| at this point (absolute). */
  readonly noise: number;
  /** Every ReLU layer's z, flattened in a fixed order (layer, sample, unit): their signs are the on/off pattern. */
  readonly reluZ?: readonly number[];
}

/** The black box: evaluates the cost at many parameter vectors (send them all at once; results in order). */
export type EvaluatePoints = (points: readonly Vector[]) => Promise<readonly Evaluation[]>;
