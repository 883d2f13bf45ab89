import { Decimal } from "decimal.js";
import type { DecimalConstructor } from "./decimal.ts";

/** A fast e^x for one Decimal constructor: built once per constructor (its constants depend on the precision). */
type Exp = (x: Decimal) => Decimal;
const cache = new WeakMap<DecimalConstructor, Exp>();

/** Halvings of the reduced argument before the series (then as many squarings). */
const HALVINGS = 8;

/**
 * e^x to D's precision, about twice as fast as decimal.js's own exp (the oracle's hot spot): with k = round(x/ln 2)
 * and r = (x − k·ln 2)/2⁸, e^x = 2^k·(e^r)^(2⁸), e^r by its Taylor series in Horner form with precomputed 1/m!
 * (|r| < 0.0014, so ~15 terms give 60 digits), all at 10 guard digits. Checked against decimal.js at 20 more digits in the specs.
 */
export function decimalExp(D: DecimalConstructor): Exp {
  const known = cache.get(D);
  if (known !== undefined) return known;
  const P = D.precision;
  const W = Decimal.clone({ precision: P + 10, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  const LN2 = W.ln(2);
  const scaleDown = new W(2).pow(-HALVINGS);
  const inverseFactorials: Decimal[] = [new W(1)];
  // Terms until |r|^m/m! < 10^−(P+12) for |r| ≤ ln 2 / 2 / 2⁸ — the series is then summed by Horner's rule.
  let bound = 1;
  for (let m = 1; bound > 10 ** -(P + 12) || m < 4; m++) {
    inverseFactorials.push(inverseFactorials[m - 1]!.div(m));
    bound *= 0.00136 / m;
  }
  const exp: Exp = (x) => {
    if (x.isZero()) return new D(1);
    const k = Math.round(x.toNumber() / Math.LN2);
    if (!Number.isSafeInteger(k)) return x.exp(); // beyond ±9e15·ln 2: leave it to decimal.js (overflow rules)
    const r = new W(x).minus(LN2.times(k)).times(scaleDown);
    let sum = inverseFactorials.at(-1)!;
    for (let m = inverseFactorials.length - 2; m >= 0; m--) sum = sum.times(r).plus(inverseFactorials[m]!);
    for (let i = 0; i < HALVINGS; i++) sum = sum.times(sum);
    return new D(sum.times(new W(2).pow(k)));
  };
  cache.set(D, exp);
  return exp;
}

/** ln(1 + x) for one Decimal constructor (see decimalLog1p). */
type Log1p = (x: Decimal) => Decimal;
const log1pCache = new WeakMap<DecimalConstructor, Log1p>();

/**
 * ln(1 + x) to D's precision for x > −1, with full relative precision however small |x| is: decimal.js's ln of a
 * rounded 1 + x would keep only the digits of x that fit beside the 1 (ln(1 + e^−800) would be 0). For |x| < 10⁻³
 * the series x − x²/2 + x³/3 − … (each term 10³ times smaller), else ln(1 + x) at 10 guard digits.
 */
export function decimalLog1p(D: DecimalConstructor): Log1p {
  const known = log1pCache.get(D);
  if (known !== undefined) return known;
  const P = D.precision;
  const W = Decimal.clone({ precision: P + 10, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  const log1p: Log1p = (x) => {
    if (x.isZero()) return new D(x);
    const w = new W(x);
    if (w.abs().gte("1e-3")) return new D(w.plus(1).ln());
    const limit = w.abs().times(new W(10).pow(-(P + 12)));
    let sum = new W(0), power = w;
    for (let m = 1; power.abs().gt(limit); m++) {
      sum = m % 2 === 1 ? sum.plus(power.div(m)) : sum.minus(power.div(m));
      power = power.times(w);
    }
    return new D(sum);
  };
  log1pCache.set(D, log1p);
  return log1p;
}
