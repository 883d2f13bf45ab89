/**
 * The oracle's exponential and logarithm: decimal in, decimal out, computed in binary fixed point on BigInt (a
 * multiply-add there costs ~0.1 µs against ~3 µs in decimal.js, and these two functions are most of the oracle's
 * time on small networks). Each works at B = ⌈(P + 12)·log₂10⌉ + 16 bits for a constructor of P digits and rounds
 * once into the constructor's precision; both are checked against decimal.js at 20 more digits in the specs.
 */
import { Decimal } from "decimal.js";
import type { DecimalConstructor } from "./decimal.ts";

/** Everything one precision needs, built once per constructor: the bit width, 1, ln 2, the series constants. */
interface Fixed {
  readonly B: number;
  readonly Bn: bigint;
  readonly one: bigint;
  /** ln 2 · 2^B. */
  readonly ln2: bigint;
  /** 1/m! · 2^B for the exp series, m = 0, 1, …, until below 2^−B. */
  readonly inverseFactorials: readonly bigint[];
  /** ln(1 + j/64) · 2^B for j = 0…63: ln m = ln(1 + j/64) + ln(m/(1 + j/64)). */
  readonly lnTable: readonly bigint[];
  /** A decimal.js constructor of P + 10 digits for conversions. */
  readonly W: DecimalConstructor;
  /** 10^F with F = P + 12 digits, for conversions to and from decimal strings. */
  readonly F: number;
  readonly tenF: bigint;
  /** 2^k as W-decimals, by k (cached as used). */
  readonly powersOfTwo: Map<number, Decimal>;
}

const contexts = new WeakMap<DecimalConstructor, Fixed>();

/** Halvings of the exp argument before the series (then as many squarings). */
const HALVINGS = 8;

function fixedFor(D: DecimalConstructor): Fixed {
  const known = contexts.get(D);
  if (known !== undefined) return known;
  const P = D.precision;
  const F = P + 12;
  const B = Math.ceil(F * Math.log2(10)) + 16;
  const Bn = BigInt(B);
  const one = 1n << Bn;
  const W = Decimal.clone({ precision: P + 24, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  const tenF = 10n ** BigInt(F);
  const toFixedHere = (x: Decimal): bigint => decimalToFixed(x, Bn, F, tenF);
  const ln2 = toFixedHere(W.ln(2));
  // terms until |r/2⁸|^m/m! < 2^−(B+2) for |r| ≤ ½ ln 2
  const inverseFactorials: bigint[] = [one];
  for (let m = 1, bound = 1; bound > 2 ** -(B + 2); m++) {
    inverseFactorials.push(inverseFactorials[m - 1]! / BigInt(m));
    bound *= 0.00136 / m;
  }
  const lnTable = Array.from({ length: 64 }, (_, j) => (j === 0 ? 0n : toFixedHere(new W(64 + j).div(64).ln())));
  const context: Fixed = { B, Bn, one, ln2, inverseFactorials, lnTable, W, F, tenF, powersOfTwo: new Map() };
  contexts.set(D, context);
  return context;
}

/** x·2^B as a BigInt (rounded toward 0 at F decimal places, then to the nearest 2^−B). */
function decimalToFixed(x: Decimal, Bn: bigint, F: number, tenF: bigint): bigint {
  const scaled = BigInt(x.toFixed(F, Decimal.ROUND_DOWN).replace(".", ""));
  const shifted = scaled << Bn;
  const q = shifted / tenF;
  return 2n * (shifted - q * tenF) >= tenF ? q + 1n : q;
}

/** v·2^−B as a W-decimal of F decimal places. */
function fixedToDecimal(v: bigint, c: Fixed): Decimal {
  const negative = v < 0n;
  const digits = (((negative ? -v : v) * c.tenF + (1n << (c.Bn - 1n))) >> c.Bn).toString().padStart(c.F + 1, "0");
  return new c.W(`${negative ? "-" : ""}${digits.slice(0, -c.F)}.${digits.slice(-c.F)}`);
}

/** a·b in fixed point, rounded to nearest. */
const mul = (a: bigint, b: bigint, c: Fixed): bigint => (a * b + (1n << (c.Bn - 1n))) >> c.Bn;

function powerOfTwo(c: Fixed, k: number): Decimal {
  let p = c.powersOfTwo.get(k);
  if (p === undefined) c.powersOfTwo.set(k, (p = new c.W(2).pow(k)));
  return p;
}

/** A fast e^x for one Decimal constructor. */
type Exp = (x: Decimal) => Decimal;
const expCache = new WeakMap<DecimalConstructor, Exp>();

/**
 * e^x to D's precision: with k = round(x/ln 2), e^x = 2^k·e^r, r = x − k·ln 2 (|r| ≤ ½ ln 2) in fixed point; e^r as
 * (e^(r/2⁸))^(2⁸), the inner one by its Taylor series in Horner form (|r/2⁸| < 0.0014: ~20 terms at 230 bits); the
 * 2⁸ squarings cost 8 bits, which the 16 guard bits cover. Beyond |x| ≈ 6e15 decimal.js takes over (its overflow rules).
 */
export function decimalExp(D: DecimalConstructor): Exp {
  const known = expCache.get(D);
  if (known !== undefined) return known;
  const c = fixedFor(D);
  const exp: Exp = (x) => {
    if (x.isZero()) return new D(1);
    const k = Math.round(x.toNumber() / Math.LN2);
    if (!Number.isSafeInteger(k) || Math.abs(k) > 2 ** 40) return new D(x.exp());
    const r = decimalToFixed(x, c.Bn, c.F, c.tenF) - BigInt(k) * c.ln2;
    const small = r >> BigInt(HALVINGS);
    const terms = c.inverseFactorials;
    let sum = terms[terms.length - 1]!;
    for (let m = terms.length - 2; m >= 0; m--) sum = mul(sum, small, c) + terms[m]!;
    for (let i = 0; i < HALVINGS; i++) sum = mul(sum, sum, c);
    return new D(fixedToDecimal(sum, c).times(powerOfTwo(c, k)));
  };
  expCache.set(D, exp);
  return exp;
}

/** ln(1 + x) for one Decimal constructor (see decimalLog1p). */
type Log1p = (x: Decimal) => Decimal;
const log1pCache = new WeakMap<DecimalConstructor, Log1p>();

/**
 * ln(1 + x) to D's precision for x > −1, with full relative precision however small |x| is (decimal.js's ln of a
 * rounded 1 + x would keep only the digits of x that fit beside the 1: ln(1 + e^−800) would be 0).
 *   |x| < 2⁻¹⁰: x·(1 − x/2 + x²/3 − …), the bracket (≈ 1) in fixed point, times x;
 *   otherwise: y = 1 + x = 2^k·m, m ∈ [1, 2), m = (1 + j/64)·t, ln y = k·ln 2 + ln(1 + j/64) + 2·atanh((t − 1)/(t + 1)),
 *   the atanh series in (t − 1)/(t + 1) ≤ 1/129 (~18 terms).
 */
export function decimalLog1p(D: DecimalConstructor): Log1p {
  const known = log1pCache.get(D);
  if (known !== undefined) return known;
  const c = fixedFor(D);
  const log1p: Log1p = (x) => {
    if (x.isZero()) return new D(x);
    if (x.abs().lt(2 ** -10)) {
      const v = decimalToFixed(x, c.Bn, c.F, c.tenF);
      // bracket = Σ_{n≥0} (−x)^n/(n + 1)
      let bracket = c.one, power = c.one;
      for (let n = 1; power !== 0n; n++) {
        power = -mul(power, v, c);
        bracket += power / BigInt(n + 1);
      }
      return new D(fixedToDecimal(bracket, c).times(x));
    }
    const y = new c.W(x).plus(1);
    const approx = y.toNumber();
    if (!(approx > 0 && Number.isFinite(approx))) return new D(y.ln());
    let k = Math.floor(Math.log2(approx));
    let m = decimalToFixed(y.times(powerOfTwo(c, -k)), c.Bn, c.F, c.tenF);
    // log2 of a rounded number can be one off near a power of two: bring m into [1, 2)
    while (m >= 2n * c.one) { m >>= 1n; k += 1; }
    while (m < c.one) { m <<= 1n; k -= 1; }
    const j = Number(((m - c.one) * 64n) >> c.Bn);
    const t = (m * 64n) / BigInt(64 + j);
    const s = ((t - c.one) << c.Bn) / (t + c.one);
    const s2 = mul(s, s, c);
    let atanh = 0n, power = s;
    for (let n = 0; power !== 0n; n++) {
      atanh += power / BigInt(2 * n + 1);
      power = mul(power, s2, c);
    }
    return new D(fixedToDecimal(BigInt(k) * c.ln2 + c.lnTable[j]! + 2n * atanh, c));
  };
  log1pCache.set(D, log1p);
  return log1p;
}
