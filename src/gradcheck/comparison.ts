import type { LayerParams, Matrix, Vector } from "../network/types.ts";
import { createOracle, type Oracle } from "../oracle/index.ts";
import { biasName, entryResult, weightName, type EntryResult } from "./entryResult.ts";
import type { ParamScales } from "./gradientScales.ts";
import type { Dtype } from "./tolerance.ts";

/** The verdict on one answer: every entry, the failing ones first-class, and shape problems that stopped a comparison. */
export interface Comparison {
  readonly ok: boolean;
  readonly entries: readonly EntryResult[];
  readonly failures: readonly EntryResult[];
  readonly problems: readonly string[];
}

export interface CompareOptions {
  /** The dtype the implementation declared in hello. */
  readonly dtype: Dtype;
  /** Where exact values come from (default: a fresh 50-digit oracle). */
  readonly oracle?: Oracle;
  /**
   * Whether the request's numbers reach the implementation only approximately — true for a dtype narrower than
   * float64 (it rounds them, unless they were rounded before sending) and for fixtures whose decimal strings are not
   * float64 values. Default: dtype !== "float64".
   */
  readonly roundedInputs?: boolean;
}

export interface Context {
  readonly dtype: Dtype;
  readonly oracle: Oracle;
  readonly roundedInputs: boolean;
}

/** Options with their defaults filled in. */
export const compareContext = (o: CompareOptions): Context => ({
  dtype: o.dtype,
  oracle: o.oracle ?? createOracle(),
  roundedInputs: o.roundedInputs ?? o.dtype !== "float64",
});

/** Entries for every W and b of two parameter-shaped values; shape mismatches become problems. */
export function paramEntries(
  expected: readonly LayerParams[],
  actual: readonly LayerParams[],
  scales: readonly ParamScales[],
  dtype: Dtype,
  problems: string[],
  detail: (l: number, kind: "W" | "b", i: number, j?: number) => string,
): EntryResult[] {
  const entries: EntryResult[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} layers of parameters, expected ${expected.length}`);
  expected.forEach(({ W, b }, l) => {
    const got = actual[l];
    if (!got) return;
    if (sameShape(`W${l + 1}`, W, got.W, problems)) {
      W.forEach((row, i) => row.forEach((x, j) => entries.push(entryResult(weightName(l, i, j), x, got.W[i]![j]!, dtype, scales[l]!.W[i]![j]!, detail(l, "W", i, j)))));
    }
    if (sameLength(`b${l + 1}`, b, got.b, problems)) {
      b.forEach((x, i) => entries.push(entryResult(biasName(l, i), x, got.b[i]!, dtype, scales[l]!.b[i]!, detail(l, "b", i))));
    }
  });
  return entries;
}

export function sameShape(name: string, expected: Matrix, actual: Matrix | undefined, problems: string[]): boolean {
  const shape = (m: Matrix) => `${m.length}×${m[0]?.length ?? 0}`;
  if (!Array.isArray(actual) || actual.length !== expected.length || actual.some((r) => !Array.isArray(r) || r.length !== expected[0]!.length)) {
    problems.push(`${name} has shape ${Array.isArray(actual) ? shape(actual) : typeof actual}, expected ${shape(expected)}`);
    return false;
  }
  return true;
}

export function sameLength(name: string, expected: Vector, actual: Vector | undefined, problems: string[]): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    problems.push(`${name} has ${Array.isArray(actual) ? actual.length : typeof actual} entries, expected ${expected.length}`);
    return false;
  }
  return true;
}

/** A comparison from its entries and problems: ok when no entry failed and nothing stopped the comparison. */
export function verdict(entries: readonly EntryResult[], problems: readonly string[]): Comparison {
  const failures = entries.filter((e) => !e.ok);
  return { ok: failures.length === 0 && problems.length === 0, entries, failures, problems };
}
