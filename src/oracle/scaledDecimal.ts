/**
 * Decimals straight from integers: x = c·10^q built as decimal.js's own digit words, without writing c out as a
 * string for decimal.js to parse (the oracle's leading cost at 10⁵ parameters was that parse), and rounding done on
 * the BigInt before anything is built.
 */
import type { Decimal } from "decimal.js";
import type { DecimalConstructor } from "./decimal.ts";

/** decimal.js's digits are words of LOG_BASE = 7 decimal digits, aligned so that the exponent e of the first digit sits in word ⌊e/7⌋. */
const LOG_BASE = 7;

interface Writable {
  s: number;
  e: number;
  d: number[];
}

/**
 * The Decimal c·10^q, exactly (no rounding: all of c's digits are kept), with the very internals decimal.js's
 * `new D(\`${c}e${q}\`)` gives it (its parseDecimal, mirrored: sign, trailing zeros dropped, words aligned on e).
 * `negativeZero` gives −0 for c = 0.
 */
export function decimalFromScaled(D: DecimalConstructor, c: bigint, q: number, negativeZero = false): Decimal {
  if (parsing) return c === 0n ? new D(negativeZero ? "-0" : "0") : new D(`${c}e${q}`);
  const x = new D(0) as unknown as Writable;
  if (c === 0n) {
    if (negativeZero) x.s = -1;
    return x as unknown as Decimal;
  }
  x.s = c < 0n ? -1 : 1;
  let str = (c < 0n ? -c : c).toString();
  const e = str.length - 1 + q;
  let len = str.length;
  while (str.charCodeAt(len - 1) === 48) len--;
  str = str.slice(0, len);
  const d: number[] = [];
  let i = (e + 1) % LOG_BASE;
  if (e < 0) i += LOG_BASE;
  if (i < len) {
    if (i) d.push(+str.slice(0, i));
    for (len -= LOG_BASE; i < len;) d.push(+str.slice(i, (i += LOG_BASE)));
    str = str.slice(i);
    i = LOG_BASE - str.length;
  } else {
    i -= len;
  }
  d.push(+(str + "0".repeat(i)));
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}

let parsing = false;

/**
 * For benches and the equality spec only: build every Decimal the way the oracle did before (decimal.js parsing
 * the digits, then rounding), to time and compare the two side by side. Returns the previous setting.
 */
export function buildDecimalsByParsing(on: boolean): boolean {
  const previous = parsing;
  parsing = on;
  return previous;
}

const powersOfTen: bigint[] = [];
/** 10^k as a BigInt (cached). */
export function tenTo(k: number): bigint {
  return (powersOfTen[k] ??= 10n ** BigInt(k));
}

/**
 * The number of decimal digits of |c| (c ≠ 0). With `guess` (a count near the answer, such as a sum's span of
 * exponents) it is found by comparing with powers of ten, without writing c out in decimal; a guess more than two
 * digits off (terms that cancelled) falls back to writing it out.
 */
export function digitCount(c: bigint, guess?: number): number {
  const m = c < 0n ? -c : c;
  if (guess !== undefined && guess >= 3) {
    for (let d = guess - 2; d <= guess + 2; d++) if (m < tenTo(d)) return d > guess - 2 || m >= tenTo(d - 1) ? d : m.toString().length;
  }
  return m.toString().length;
}

/**
 * c·10^q rounded to `precision` significant digits, half to even (decimal.js's ROUND_HALF_EVEN), as a Decimal:
 * the same value as `new D(\`${c}e${q}\`).toSignificantDigits(precision)` with D rounding half-even. `digitsGuess`:
 * see digitCount.
 */
export function roundedFromScaled(D: DecimalConstructor, c: bigint, q: number, precision: number, digitsGuess?: number): Decimal {
  if (c === 0n) return new D(0);
  if (parsing) return new D(`${c}e${q}`).toSignificantDigits(precision);
  const negative = c < 0n;
  let m = negative ? -c : c;
  const drop = digitCount(m, digitsGuess) - precision;
  if (drop > 0) {
    const unit = tenTo(drop);
    let kept = m / unit;
    const rest = m - kept * unit, half = unit / 2n;
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
    m = kept;
    q += drop;
  }
  return decimalFromScaled(D, negative ? -m : m, q);
}
