import { DTYPES, type Dtype } from "../gradcheck/index.ts";

/** The unit roundoff u of a dtype (2^-53 for float64, 2^-24 for float32, …: see DTYPES). */
export function unitRoundoff(dtype: Dtype): number {
  return DTYPES[dtype].u;
}

/** x rounded to the nearest value of `dtype`, ties to even (float32: `Math.fround`; float64: x itself). */
export function roundToDtype(x: number, dtype: Dtype): number {
  return DTYPES[dtype].round(x);
}

/** The spacing of `dtype` values at |x|: 2^(e − p + 1) for |x| in [2^e, 2^(e+1)), floored at the smallest subnormal. */
export function ulpOf(x: number, dtype: Dtype): number {
  const { p, minSubnormal: tiny } = DTYPES[dtype];
  const m = Math.abs(x);
  if (!(m > 0) || !Number.isFinite(m)) return tiny;
  let e = Math.floor(Math.log2(m));
  if (2 ** e > m) e -= 1; // log2 may round up just below a power of two
  if (2 ** (e + 1) <= m) e += 1;
  return Math.max(2 ** (e - p + 1), tiny);
}

/** Whether a + b is computed exactly in float64 and the sum is a `dtype` value (Knuth's TwoSum error is 0). */
export function isExactSum(a: number, b: number, dtype: Dtype): boolean {
  const s = a + b;
  const bb = s - a;
  const err = (a - (s - bb)) + (b - bb);
  return err === 0 && Number.isFinite(s) && roundToDtype(s, dtype) === s;
}
