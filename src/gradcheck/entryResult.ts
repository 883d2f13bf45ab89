import { explainTolerance, toleranceFor, type Dtype } from "./tolerance.ts";

/** One compared number: which entry, the exact and the actual value, the errors, the tolerance and its reason. */
export interface EntryResult {
  /** Named the seed's way: `W1[1][2]`, `b2[0]`, `Z1[0][2]` (sample, unit), `cost`, `costs[17]`. */
  readonly entry: string;
  /** The exact value, rounded to float64. */
  readonly expected: number;
  readonly actual: number;
  readonly absError: number;
  /** absError / |expected| (Infinity when the exact value is 0 and the actual is not). */
  readonly relError: number;
  readonly tolerance: number;
  readonly ok: boolean;
  /** Why the tolerance is what it is. */
  readonly why: string;
}

/**
 * Compares one entry: it passes when finite and within SAFETY·u·scale (+ the underflow floor) of the exact value,
 * plus half an ulp of `expected` itself, which is the exact value rounded to float64.
 */
export function entryResult(entry: string, expected: number, actual: number, dtype: Dtype, scale: number, detail: string): EntryResult {
  const tolerance = toleranceFor(dtype, scale) + Math.abs(expected) * 2 ** -53;
  const absError = Math.abs(actual - expected);
  const relError = absError === 0 ? 0 : absError / Math.abs(expected);
  const finite = Number.isFinite(actual);
  return {
    entry,
    expected,
    actual,
    absError: finite ? absError : Number.POSITIVE_INFINITY,
    relError: finite ? relError : Number.POSITIVE_INFINITY,
    tolerance,
    ok: finite && absError <= tolerance,
    why: finite ? explainTolerance(dtype, scale, detail) : `not a finite number (${actual}); the exact value is finite`,
  };
}

/** `W1[1][2]`-style name of a weight of layer l (0-based layer index, named 1-based as in the seed). */
export const weightName = (l: number, i: number, j: number): string => `W${l + 1}[${i}][${j}]`;
/** `b1[2]`-style name of a bias. */
export const biasName = (l: number, i: number): string => `b${l + 1}[${i}]`;
/** `Z1[s][i]` / `A1[s][i]`-style name of a forward value (sample s, unit i). */
export const layerValueName = (what: "Z" | "A", l: number, s: number, i: number): string => `${what}${l + 1}[${s}][${i}]`;
