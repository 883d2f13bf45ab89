import type { Decimal } from "decimal.js";
import type { Matrix, Params, Vector } from "../network/types.ts";
import type { DecimalMatrix, DecimalParams, DecimalVector } from "./decimal.ts";

/** Decimals rounded to the nearest float64 (decimal.js rounds correctly through the decimal string). */
export function toNumberVector(v: DecimalVector): Vector {
  return v.map((x) => x.toNumber());
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
