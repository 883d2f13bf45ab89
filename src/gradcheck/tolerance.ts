/**
 * The tolerance table, JAX-style: everything a verdict's tolerance is built from, per dtype.
 * An entry passes when |actual − exact| ≤ SAFETY × u × E + ABS_FLOOR, where E is the entry's rounding scale
 * (see gradientScales.ts): a first-order bound, in units of u, on what a correct implementation's roundings add up to.
 */
import { DTYPES, type Dtype } from "./dtypes.ts";

export { DTYPES, DTYPE_NAMES, isDtype, type Dtype, type DtypeTolerance } from "./dtypes.ts";

/** Slack on top of the first-order worst-case bound (second-order terms, library exp/tanh off by an ulp or two). */
export const SAFETY = 4;

/** Roundings charged to one evaluation of exp-based activations (σ, tanh) and their derivatives. */
export const TRANSCENDENTAL_ROUNDINGS = 4;

/** The tolerance for an entry of rounding scale `scale` (in units of u). */
export function toleranceFor(dtype: Dtype, scale: number): number {
  const { u, absFloor } = DTYPES[dtype];
  // a scale carried over many steps may overflow float64: the model then bounds nothing, and says so (Infinity)
  return Number.isNaN(scale) ? Number.POSITIVE_INFINITY : SAFETY * u * scale + absFloor;
}

/**
 * A one-line account of a tolerance, for reports: the equation SAFETY × u × E with its numbers and its value,
 * e.g. `4 × u × E = 4 × 2^-53 × 3.32 = 1.47e-15, plus half an ulp of the exact value (E: …)`.
 */
export function explainTolerance(dtype: Dtype, scale: number, detail: string): string {
  const u = `2^-${DTYPES[dtype].p}`;
  const product = SAFETY * DTYPES[dtype].u * scale;
  return `${SAFETY} × u × E = ${SAFETY} × ${u} × ${scale.toPrecision(3)} = ${product.toPrecision(3)}, plus half an ulp of the exact value (u: the unit roundoff of ${dtype}; E: the entry's rounding scale, ${detail})`;
}
