/**
 * A tiny fixed-point arithmetic on BigInt (value = n / 10^70), sharing nothing with decimal.js: enough to
 * recompute the worked example independently of the oracle. Every operation rounds half away from zero.
 */

/** A fixed-point number: the integer n standing for n / 10^SCALE_DIGITS. */
export type Fixed = bigint;

/** Decimal places of every Fixed. */
export const SCALE_DIGITS = 70;
/** 1 as a Fixed. */
export const ONE: Fixed = 10n ** BigInt(SCALE_DIGITS);

/** n / d rounded to nearest, ties away from zero. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/** A plain decimal string ("-0.034535", "12", "1.5e-3") as a Fixed (rounded if it has more than 70 decimals). */
export function parseFixed(s: string): Fixed {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m === null) throw new RangeError(`parseFixed: not a decimal string: ${JSON.stringify(s)}`);
  const [, sign, whole, fraction = "", exponent = "0"] = m;
  const digits = BigInt(`${whole}${fraction}`);
  const shift = SCALE_DIGITS - fraction.length + Number(exponent);
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : roundDiv(digits, 10n ** BigInt(-shift));
  return sign === "-" ? -magnitude : magnitude;
}

/** An integer as a Fixed. */
export function fromInt(k: number): Fixed {
  return BigInt(k) * ONE;
}

/** a · b, rounded to 70 decimals. */
export function mul(a: Fixed, b: Fixed): Fixed {
  return roundDiv(a * b, ONE);
}

/** a / b, rounded to 70 decimals. */
export function div(a: Fixed, b: Fixed): Fixed {
  if (b === 0n) throw new RangeError("div: division by zero");
  return roundDiv(a * ONE, b);
}

/**
 * e^x: halve x k times until |r| ≤ 2^−12, sum the Taylor series of e^r to the last nonzero term, then square k
 * times. Done with 25 guard digits (scale 10^95) so the 2^k growth of the relative error stays far below 10^−70.
 */
export function exp(x: Fixed): Fixed {
  const GUARD = 10n ** 25n;
  const one = ONE * GUARD;
  let r = x * GUARD;
  let k = 0;
  while ((r < 0n ? -r : r) * 4096n > one) {
    r = roundDiv(r, 2n);
    k++;
  }
  let sum = one;
  let term = one;
  for (let n = 1n; term !== 0n; n++) {
    term = roundDiv(term * r, one * n);
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = roundDiv(sum * sum, one);
  return roundDiv(sum, GUARD);
}

/** The Fixed as a decimal string with all 70 decimals (for messages). */
export function toFixedString(x: Fixed): string {
  const negative = x < 0n;
  const digits = (negative ? -x : x).toString().padStart(SCALE_DIGITS + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -SCALE_DIGITS)}.${digits.slice(-SCALE_DIGITS)}`;
}

/**
 * Whether the Fixed `x` and the decimal string `s` agree to `digits` significant digits:
 * |x − s| ≤ 10^−digits · |s| (and |x| ≤ 10^−60 when s is exactly zero).
 */
export function agreesToDigits(x: Fixed, s: string, digits: number): boolean {
  const y = parseFixed(s);
  const diff = x - y < 0n ? y - x : x - y;
  const size = y < 0n ? -y : y;
  if (size === 0n) return diff * 10n ** 60n <= ONE;
  return diff * 10n ** BigInt(digits) <= size;
}
