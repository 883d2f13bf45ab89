import type { Dtype } from "../gradcheck/index.ts";
import { unitRoundoff } from "./dtypeArithmetic.ts";

/** How steps are chosen; every field optional. */
export interface StepOptions {
  /** The parameters' typical size s: a parameter near 0 still gets a step ∝ s. Default 1. */
  readonly scale?: number;
  /** c in h = c·u^(1/3)·max(|θ|, s). Default 2. */
  readonly factor?: number;
}

/** The default c of `stepSize`. */
export const STEP_FACTOR = 2;

/**
 * The base step of a central difference for a parameter θ computed in `dtype`: h = c·u^(1/3)·max(|θ|, s) balances
 * truncation (∝ h²) against rounding (∝ u/h); float32 (u = 2^-24) gets steps ~40× larger than float64.
 */
export function stepSize(theta: number, dtype: Dtype, options: StepOptions = {}): number {
  const s = options.scale ?? 1;
  const c = options.factor ?? STEP_FACTOR;
  if (!(s > 0 && c > 0 && Number.isFinite(theta))) throw new RangeError(`stepSize: expected finite θ and positive scale and factor, got θ=${theta}, scale=${s}, factor=${c}`);
  return c * Math.cbrt(unitRoundoff(dtype)) * Math.max(Math.abs(theta), s);
}

/**
 * How far a step may shrink below its base (as a fraction) to dodge a ReLU kink: u^(1/6), so the smallest step is
 * ~c·u^(1/2)·max(|θ|, s) and rounding error grows at most by u^(−1/6) (×450 in float64, ×16 in float32).
 * A kink nearer than that is treated as being at the point.
 */
export function minimumStepRatio(dtype: Dtype): number {
  return unitRoundoff(dtype) ** (1 / 6);
}
