import type { Decimal } from "decimal.js";
import type { Matrix, Params, Vector } from "../network/types.ts";
import type { DecimalMatrix, DecimalParams, DecimalVector } from "./decimal.ts";

/**
 * A Decimal rounded to the nearest float64, as `x.toNumber()` does, but from its first 21 digits when that decides:
 * x lies between that prefix p and p + one unit of its last digit, rounding is monotone, so when p and p + 1 unit
 * round to the same float64, so does x. Otherwise (a tie too close to call) through the whole decimal string.
 */
export function decimalToNumber(x: Decimal): number {
  const d = (x as unknown as { readonly d: readonly number[] | null }).d;
  if (d === null || d.length <= 3) return x.toNumber(); // non-finite, or at most 21 digits: the string is short anyway
  const head = `${d[0]!}${pad7(d[1]!)}`;
  const last = d[2]!;
  if (last + 1 >= 1e7) return x.toNumber(); // p + 1 unit would carry into the limbs before: not worth spelling out
  const exponent = `e${x.e - (head.length + 7) + 1}`;
  const low = Number(`${head}${pad7(last)}${exponent}`);
  const high = Number(`${head}${pad7(last + 1)}${exponent}`);
  if (low !== high) return x.toNumber();
  return x.s < 0 ? -low : low;
}

function pad7(limb: number): string {
  return String(limb).padStart(7, "0");
}

/** Decimals rounded to the nearest float64 (see `decimalToNumber`). */
export function toNumberVector(v: DecimalVector): Vector {
  return v.map(decimalToNumber);
}

export function toNumberMatrix(m: DecimalMatrix): Matrix {
  return m.map(toNumberVector);
}

export function toNumberParams(p: DecimalParams): Params {
  return p.map(({ W, b }) => ({ W: toNumberMatrix(W), b: toNumberVector(b) }));
}

/** A Decimal as a plain decimal string of `digits` significant digits (no exponent unless huge or tiny). */
export function toDecimalString(x: Decimal, digits: number): string {
  const rounded = x.toSignificantDigits(digits);
  const e = rounded.e;
  return e < -30 || e > 30 ? rounded.toExponential() : rounded.toFixed();
}
