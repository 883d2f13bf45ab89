/**
 * Σ_k u_k·v_k in exact integer arithmetic, rounded once into the constructor's precision: every operand is a decimal
 * coefficient C and exponent q (x = C·10^q, read off decimal.js's digits), the products and their sum are BigInt
 * integers on a common exponent, and only the result is rounded. A multiply-add this way costs a fraction of
 * decimal.js's (which rounds after every operation), and the sum carries no rounding of its own down to P + 40
 * digits below its largest term.
 */
import type { Decimal } from "decimal.js";
import type { DecimalConstructor } from "./decimal.ts";
import { digitCount, roundedFromScaled, tenTo } from "./scaledDecimal.ts";

/** A decimal as an integer coefficient and a power of ten, with the exponent of its first digit. */
interface Scaled {
  readonly c: bigint;
  readonly q: number;
  /** The exponent of the first digit: 10^top ≤ |x| < 10^(top+1). */
  readonly top: number;
}

/** decimal.js keeps x as sign s, digit words d (base 10⁷, the first one unpadded) and the exponent e of its first digit. */
interface DecimalInternals {
  readonly s: number;
  readonly e: number;
  readonly d: readonly number[] | null;
}

/** Where a Decimal keeps its Scaled form once known: a symbol-keyed property (cheaper than a WeakMap at 10⁵ entries; Decimals are immutable). */
const SCALED: unique symbol = Symbol("nncheck.scaled");
type Tagged = { [SCALED]?: Scaled };

/** Not enumerable: a tagged Decimal still deep-equals an untagged one of the same value. */
const tag = (x: Decimal, s: Scaled): void => void Object.defineProperty(x, SCALED, { value: s, enumerable: false });

/** Records x = c·10^q for a Decimal made from those very integers (a float64's exact value), saving the re-parse. */
export function rememberScaled(x: Decimal, c: bigint, q: number): void {
  tag(x, { c, q, top: (x as unknown as DecimalInternals).e });
}
const ZERO: Scaled = { c: 0n, q: 0, top: 0 };

/** x = c·10^q exactly (cached per Decimal object: params and activations take part in many sums). */
function scaled(x: Decimal): Scaled {
  const known = (x as unknown as Tagged)[SCALED];
  if (known !== undefined) return known;
  const { s, e, d } = x as unknown as DecimalInternals;
  let result = ZERO;
  if (d !== null && !(d.length === 1 && d[0] === 0)) {
    let digits = String(d[0]);
    for (let i = 1; i < d.length; i++) digits += String(d[i]).padStart(7, "0");
    const coefficient = BigInt(digits);
    result = { c: s < 0 ? -coefficient : coefficient, q: e - (digits.length - 1), top: e };
  }
  tag(x, result);
  return result;
}


/** Digits kept below the largest term: far beyond any precision the oracle rounds to, and a bound on the integers' size. */
const GUARD = 40;

/**
 * Σ of terms, each exact, on a common exponent q no lower than `floor`, GUARD + P digits below the largest term (a
 * term's digits below the floor are cut: together under n·10^floor for n terms), then rounded once to D's precision.
 * When anything was cut and the kept sum lies within n units of a rounding tie, or has so few digits that the cut
 * part could reach its rounding, the sum is taken again with nothing cut: the result is Σ correctly rounded, always
 * (ties broken by the smallest terms too).
 */
function sumScaled(D: DecimalConstructor, terms: readonly Scaled[], guard = GUARD): Decimal {
  if (terms.length === 0) return new D(0);
  let top = terms[0]!.top;
  for (const t of terms) if (t.top > top) top = t.top;
  const floor = top - (D.precision + guard);
  let q = Infinity;
  for (const t of terms) if (t.top >= floor) q = Math.min(q, Math.max(t.q, floor));
  let sum = 0n, cut = false;
  for (const t of terms) {
    if (t.top < floor) {
      cut = true;
      continue;
    }
    if (t.q >= q) {
      sum += t.c * tenTo(t.q - q);
    } else {
      const unit = tenTo(q - t.q), kept = t.c / unit;
      if (kept * unit !== t.c) cut = true;
      sum += kept;
    }
  }
  // the sum's digits: about those from the largest term's first digit down to q (fewer when terms cancel)
  const guess = top - q + 1;
  if (cut && mayRoundOtherwise(sum, q, floor, D.precision, BigInt(terms.length), guess)) return sumScaled(D, terms, Infinity);
  return roundedFromScaled(D, sum, q, D.precision, guess);
}

/**
 * Whether s·10^q + δ, for some |δ| < n·10^floor (what a sum cut at the floor left out), may round to `precision`
 * digits otherwise than s·10^q. With more digits than the precision: s lies within n units of a tie. With no more:
 * s·10^q is a P-digit number, which every value closer than half its smaller gap, ½·10^(e−P) (e: the exponent of
 * its first digit), rounds to; so only when n·10^floor may reach that.
 */
function mayRoundOtherwise(s: bigint, q: number, floor: number, precision: number, n: bigint, digitsGuess: number): boolean {
  const m = s < 0n ? -s : s;
  if (m === 0n) return true;
  const digits = digitCount(m, digitsGuess);
  const drop = digits - precision;
  if (drop <= 0) {
    const room = q + digits - 1 - precision - floor; // 2n·10^floor ≤ 10^(e−P) ⟺ 2n ≤ 10^room
    return room < 0 || tenTo(room) < 2n * n;
  }
  if (tenTo(drop) <= 4n * n) return true;
  const unit = tenTo(drop), half = unit / 2n, r = m % unit;
  return r - half <= n && half - r <= n;
}

/** Σ_k u[k]·v[k] (+ `plus`): exact (see sumScaled), then rounded to D's precision. Operands are finite. */
export function exactDot(D: DecimalConstructor, u: readonly Decimal[], v: readonly Decimal[], plus?: Decimal): Decimal {
  // one product alone (a batch of one's dC/dW): decimal.js's own product is the same exact product, rounded once
  if (u.length === 1 && plus === undefined) return u[0]!.isZero() || v[0]!.isZero() ? new D(0) : D.mul(u[0]!, v[0]!);
  const terms: Scaled[] = [];
  for (let k = 0; k < u.length; k++) {
    const a = scaled(u[k]!), b = scaled(v[k]!);
    if (a.c !== 0n && b.c !== 0n) terms.push({ c: a.c * b.c, q: a.q + b.q, top: a.top + b.top + 1 });
  }
  if (plus !== undefined) {
    const p = scaled(plus);
    if (p.c !== 0n) terms.push(p);
  }
  return sumScaled(D, terms);
}

/** Σ_k x[k]: exact (see sumScaled), then rounded to D's precision. */
export function exactSum(D: DecimalConstructor, x: readonly Decimal[]): Decimal {
  return sumScaled(D, x.map(scaled).filter((t) => t.c !== 0n));
}
