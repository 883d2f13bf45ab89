/**
 * Round-to-nearest-even of a float64 to a binary format with p significand bits (the implicit bit included), normal
 * exponents down to emin, gradual underflow, and `max` its largest finite value: what a cast to float16 or bfloat16
 * does, computed in one rounding from the float64 (never through float32, which would round twice).
 */
export function roundToFormat(x: number, p: number, emin: number, max: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const m = Math.abs(x);
  let e = Math.floor(Math.log2(m));
  if (2 ** e > m) e -= 1; // log2 may round up just below a power of two
  if (2 ** (e + 1) <= m) e += 1;
  const q = 2 ** (Math.max(e, emin) - p + 1); // the spacing of the format's values at m (subnormal below 2^emin)
  const t = m / q; // exact: a division by a power of two that stays in float64's normal range
  const n = Math.floor(t);
  const rest = t - n; // exact: n and t share their exponent or n is 0
  const k = rest > 0.5 || (rest === 0.5 && n % 2 === 1) ? n + 1 : n;
  const r = k * q;
  // the format's largest value has an odd significand (all ones): a tie above it goes to the next power of two
  return Math.sign(x) * (r > max ? Number.POSITIVE_INFINITY : r);
}
