import fc from "fast-check";
import { DTYPES, type Dtype } from "../../gradcheck/index.ts";

const STEPS = 2n ** 53n;
const UNIT = 2 ** -53;

/**
 * A double in [lo, hi] from 2^53 + 1 evenly spaced points (53 random bits, unlike `fc.double`, whose draws crowd
 * near 0), shrinking toward the point of the range nearest 0.
 */
export function uniformDouble(lo: number, hi: number): fc.Arbitrary<number> {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new RangeError(`uniformDouble: expected finite lo < hi, got [${lo}, ${hi}]`);
  }
  if (lo < 0 && hi > 0) return fc.bigInt({ min: -STEPS, max: STEPS }).map((k) => Number(k) * UNIT * (k < 0n ? -lo : hi));
  if (lo >= 0) return fc.bigInt({ min: 0n, max: STEPS }).map((k) => Math.min(hi, lo + (hi - lo) * (Number(k) * UNIT)));
  return fc.bigInt({ min: 0n, max: STEPS }).map((k) => Math.max(lo, hi - (hi - lo) * (Number(k) * UNIT)));
}

/** x as the declared dtype holds it: rounded to nearest, ties to even (float64 keeps it). */
export function toDtype(x: number, dtype: Dtype): number {
  return DTYPES[dtype].round(x);
}

/** The dtype's smallest positive subnormal, smallest positive normal and largest finite value. */
export function dtypeLimits(dtype: Dtype): { readonly minSubnormal: number; readonly minNormal: number; readonly max: number } {
  const { minSubnormal, minNormal, max } = DTYPES[dtype];
  return { minSubnormal, minNormal, max };
}
