import { Decimal } from "decimal.js";
import { rememberScaled } from "./exactDot.ts";
import { decimalFromScaled } from "./scaledDecimal.ts";

/** A decimal.js constructor with its own precision (significant digits), isolated from the global one. */
export type DecimalConstructor = typeof Decimal;

export type DecimalVector = readonly Decimal[];
export type DecimalMatrix = readonly DecimalVector[];

/** A layer's parameters in decimal: `z = W·a + b`. */
export interface DecimalLayerParams {
  readonly W: DecimalMatrix;
  readonly b: DecimalVector;
}
export type DecimalParams = readonly DecimalLayerParams[];

/** What the oracle accepts for a number: a Decimal, a decimal string, or a float64 taken at its exact binary value. */
export type DecimalLike = Decimal | string | number;

/** A decimal.js constructor rounding every operation to `precision` significant digits (half-even). */
export function decimalConstructor(precision: number): DecimalConstructor {
  if (!(Number.isInteger(precision) && precision >= 20 && precision <= 1000)) {
    throw new RangeError(`oracle precision must be an integer from 20 to 1000 digits, got ${precision}`);
  }
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

/**
 * The exact value of a float64 as a Decimal: x = m · 2^e is written out in full (a float64 has a finite
 * decimal expansion), so the oracle computes from the very number an implementation holds.
 */
export function exactDecimal(D: DecimalConstructor, x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`exactDecimal: expected a finite number, got ${x}`);
  if (x === 0) return new D(Object.is(x, -0) ? "-0" : "0");
  // the same floats come back again and again (a case's params for forward, gradients and step; a finite difference's
  // thousands of points): their exact values are cached per constructor (Decimals are immutable)
  let cache = conversions.get(D);
  if (cache === undefined) conversions.set(D, (cache = new Map()));
  const known = cache.get(x);
  if (known !== undefined) return known;
  if (cache.size >= MAX_CACHED_CONVERSIONS) cache.clear();
  const value = convert(D, x);
  cache.set(x, value);
  return value;
}

/** Cached exact values of floats per constructor; cleared when full (a simple bound on memory). */
const conversions = new WeakMap<DecimalConstructor, Map<number, Decimal>>();
const MAX_CACHED_CONVERSIONS = 250_000;

function convert(D: DecimalConstructor, x: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const biased = (view.getUint32(0) >>> 20) & 0x7ff;
  const fraction = (BigInt(view.getUint32(0) & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  // m · 2^e = m · 5^(−e) · 10^e for e < 0: an integer times a power of ten, exactly.
  const coefficient = (exponent >= 0 ? mantissa << BigInt(exponent) : mantissa * fiveTo(-exponent)) * (x < 0 ? -1n : 1n);
  const q = exponent >= 0 ? 0 : exponent;
  const value = decimalFromScaled(D, coefficient, q);
  rememberScaled(value, coefficient, q);
  return value;
}

const powersOfFive: bigint[] = [];
const fiveTo = (k: number): bigint => (powersOfFive[k] ??= 5n ** BigInt(k));

/** A Decimal from a Decimal (re-bound to `D`), a decimal string, or a float64 (its exact value). */
export function toDecimal(D: DecimalConstructor, x: DecimalLike): Decimal {
  if (typeof x === "number") return exactDecimal(D, x);
  if (typeof x === "string") {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(x.trim())) {
      throw new RangeError(`expected a decimal number string, got ${JSON.stringify(x)}`);
    }
    return new D(x.trim());
  }
  return new D(x);
}

/** A matrix of DecimalLike values as Decimals. */
export function toDecimalMatrix(D: DecimalConstructor, m: readonly (readonly DecimalLike[])[]): Decimal[][] {
  return m.map((row) => row.map((x) => toDecimal(D, x)));
}

/** Per-layer `{ W, b }` of DecimalLike values as Decimals. */
export function toDecimalParams(
  D: DecimalConstructor,
  params: readonly { readonly W: readonly (readonly DecimalLike[])[]; readonly b: readonly DecimalLike[] }[],
): DecimalParams {
  return params.map(({ W, b }) => ({ W: toDecimalMatrix(D, W), b: b.map((x) => toDecimal(D, x)) }));
}
