/**
 * The dtype table: every floating-point format an implementation may declare in `hello`, as data — its unit
 * roundoff, its binary format, its exact round-to-nearest-even and the tolerance floor built on them. Code that
 * depends on the dtype reads an entry here; nothing else switches on dtype names.
 */
import { roundToFormat } from "./roundToFormat.ts";

export const DTYPE_NAMES = ["float64", "float32", "float16", "bfloat16"] as const;
export type Dtype = (typeof DTYPE_NAMES)[number];

export interface DtypeTolerance {
  /** Unit roundoff: half an ulp of 1, 2^−p. */
  readonly u: number;
  /** Significand bits, the implicit one included. */
  readonly p: number;
  /** The smallest normal exponent: 2^emin is the smallest normal value. */
  readonly emin: number;
  /** The largest exponent. */
  readonly emax: number;
  /** Below this, products and sums may underflow: an absolute slack per entry. */
  readonly absFloor: number;
  /** Largest finite value (a correct implementation must stay finite where the exact value is). */
  readonly max: number;
  /** Smallest normal value: below it a number has lost relative precision. */
  readonly minNormal: number;
  /** Smallest positive subnormal value: the spacing of the format below minNormal. */
  readonly minSubnormal: number;
  /** x rounded to the nearest value of the format, ties to even; beyond it ±Infinity (NaN stays NaN). */
  readonly round: (x: number) => number;
  /**
   * Whether nncheck rounds the inputs, targets, parameters and learning rates of its random cases to the format
   * before sending them, so that the oracle computes on exactly the numbers the implementation holds. float32 keeps
   * protocol v1's way: the numbers go as float64 and the implementation's rounding of them is in the tolerance.
   */
  readonly sendsRounded: boolean;
}

/** A format's entry from its significand bits p, exponent range and tolerance floor. */
function format(p: number, emin: number, emax: number, absFloor: number, round: ((x: number) => number) | undefined, sendsRounded: boolean): DtypeTolerance {
  const max = (2 - 2 ** (1 - p)) * 2 ** emax;
  return {
    u: 2 ** -p, p, emin, emax, absFloor, max, minNormal: 2 ** emin, minSubnormal: 2 ** (emin - p + 1),
    round: round ?? ((x) => roundToFormat(x, p, emin, max)), sendsRounded,
  };
}

/**
 * float16 (IEEE binary16: 5 exponent bits, 10 fraction bits, largest 65504) and bfloat16 (float32's 8 exponent
 * bits, 7 fraction bits) are judged by the same model with their own u. Their floors: float16's is 16 subnormal
 * spacings (2^−20 ≈ 9.5e-7), room for a few underflowing roundings amplified through a layer; bfloat16's range is
 * float32's, and so is its floor.
 */
export const DTYPES: Readonly<Record<Dtype, DtypeTolerance>> = {
  float64: format(53, -1022, 1023, 2 ** -1000, (x) => x, false),
  float32: format(24, -126, 127, 2 ** -110, Math.fround, false),
  float16: format(11, -14, 15, 2 ** -20, undefined, true),
  bfloat16: format(8, -126, 127, 2 ** -110, undefined, true),
};

/** Whether a value names a dtype of the table. */
export function isDtype(value: unknown): value is Dtype {
  return typeof value === "string" && (DTYPE_NAMES as readonly string[]).includes(value);
}
