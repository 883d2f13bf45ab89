/**
 * Relations between answers of the implementation under test (a property compares the implementation with itself
 * or with a transformed copy of a request): entries named the engine's way, tolerances supplied by the caller.
 */
import { biasName, DTYPES, layerValueName, SAFETY, weightName, type Comparison, type Dtype, type EntryResult } from "../gradcheck/index.ts";
import type { Matrix, Params } from "../network/types.ts";
import type { Hint } from "../harness/check.ts";
import { PropertyFailure } from "./PropertyFailure.ts";

/** One related pair: passes when both values are finite and |actual − expected| ≤ tolerance. */
export function relationEntry(entry: string, expected: number, actual: number, tolerance: number, why: string): EntryResult {
  const finite = Number.isFinite(expected) && Number.isFinite(actual);
  const absError = finite ? Math.abs(actual - expected) : Number.POSITIVE_INFINITY;
  const relError = absError === 0 ? 0 : absError / Math.abs(expected);
  return { entry, expected, actual, absError, relError, tolerance, ok: finite && absError <= tolerance, why: finite ? why : `not finite (${expected} vs ${actual})` };
}

/**
 * Throws a `PropertyFailure` naming the worst failing entries of `entries`, if any fail; `note` may add a remark
 * (evaluated only on failure), e.g. that the answers are wrong on their own.
 */
export function assertRelation(what: string, entries: readonly EntryResult[], observed?: unknown, note?: () => string | undefined, hints?: () => readonly Hint[]): void {
  const failures = entries.filter((e) => !e.ok).sort((a, b) => b.absError / b.tolerance - a.absError / a.tolerance);
  if (failures.length === 0) return;
  const shown = failures.slice(0, 3).map((e) => `${e.entry}: ${e.actual} vs ${e.expected} (|Δ| ${e.absError.toPrecision(3)} > ${e.tolerance.toPrecision(3)})`);
  const remark = note?.();
  throw new PropertyFailure(`${what}: ${failures.length} of ${entries.length} entries break it: ${shown.join("; ")}${failures.length > 3 ? "; …" : ""}${remark === undefined ? "" : ` — ${remark}`}`, {
    entries: failures.slice(0, 24),
    ...(observed !== undefined ? { observed } : {}),
    ...(hints !== undefined ? { hints: hints() } : {}),
  });
}

/** Every entry of a params-shaped value with its engine name (`W1[0][2]`, `b2[0]`), layer by layer, W before b. */
export function namedParamEntries(params: Params): [string, number][] {
  return params.flatMap(({ W, b }, l) => [
    ...W.flatMap((row, i) => row.map((w, j): [string, number] => [weightName(l, i, j), w])),
    ...b.map((v, i): [string, number] => [biasName(l, i), v]),
  ]);
}

/** The per-entry tolerances of an engine comparison, by entry name. */
export function tolerancesOf(comparison: Comparison): Map<string, number> {
  return new Map(comparison.entries.map((e) => [e.entry, e.tolerance]));
}

/** The tolerance of `entry` in `tolerances`; a missing name is a bug in the property, not in the implementation. */
export function toleranceOf(tolerances: ReadonlyMap<string, number>, entry: string): number {
  const t = tolerances.get(entry);
  if (t === undefined) throw new Error(`no engine tolerance for entry ${entry}`);
  return t;
}

/** Problems that make `actual` unusable as a params-shaped answer shaped like `like` (empty when it fits). */
export function paramsShapeProblems(what: string, like: Params, actual: unknown): string[] {
  if (!Array.isArray(actual) || actual.length !== like.length) return [`${what} has ${Array.isArray(actual) ? actual.length : typeof actual} layers, expected ${like.length}`];
  return like.flatMap(({ W, b }, l) => {
    const got = actual[l] as { W?: unknown; b?: unknown } | undefined;
    return [
      ...matrixShapeProblems(`${what} W${l + 1}`, W.length, W[0]!.length, got?.W),
      ...(Array.isArray(got?.b) && got.b.length === b.length ? [] : [`${what} b${l + 1} is not a vector of ${b.length}`]),
    ];
  });
}

/** Problems that make `actual` unusable as a rows × cols matrix (empty when it fits). */
export function matrixShapeProblems(what: string, rows: number, cols: number, actual: unknown): string[] {
  const ok = Array.isArray(actual) && actual.length === rows && actual.every((r: unknown) => Array.isArray(r) && r.length === cols);
  return ok ? [] : [`${what} is not a ${rows}×${cols} matrix`];
}

/** Throws a `PropertyFailure` listing shape problems, if there are any. */
export function assertShapes(what: string, problems: readonly string[], observed?: unknown): void {
  if (problems.length === 0) return;
  throw new PropertyFailure(`${what}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; …" : ""}`, { problems, ...(observed !== undefined ? { observed } : {}) });
}

/** Problems with a forward answer's layers (each `z` and `a` must be samples × units). */
export function layersShapeProblems(what: string, widths: readonly number[], samples: number, actual: unknown): string[] {
  if (!Array.isArray(actual) || actual.length !== widths.length) return [`${what} has ${Array.isArray(actual) ? actual.length : typeof actual} layers, expected ${widths.length}`];
  return widths.flatMap((units, l) => {
    const layer = actual[l] as { z?: Matrix; a?: Matrix } | undefined;
    return [...matrixShapeProblems(`${what} Z${l + 1}`, samples, units, layer?.z), ...matrixShapeProblems(`${what} A${l + 1}`, samples, units, layer?.a)];
  });
}

/** One value that must lie in [lo, hi] (a NaN never does); `expected` is the nearest bound when it is outside. */
export function rangeEntry(entry: string, actual: number, lo: number, hi: number, why: string): EntryResult {
  const inside = actual >= lo && actual <= hi;
  const expected = Number.isNaN(actual) ? lo : Math.min(hi, Math.max(lo, actual));
  const absError = Number.isNaN(actual) ? Number.POSITIVE_INFINITY : Math.abs(actual - expected);
  return { entry, expected, actual, absError, relError: absError === 0 ? 0 : absError / Math.abs(expected), tolerance: 0, ok: inside, why: `must lie in [${lo}, ${hi}]: ${why}` };
}

/** x for an entry name, keeping the sign of −0. */
export const showNumber = (x: number): string => (Object.is(x, -0) ? "-0" : String(x));

/** One relation entry per parameter of two same-shaped params values (`tolerance` by entry name). */
export function paramsRelation(expected: Params, actual: Params, tolerance: (entry: string, expected: number, actual: number) => number, why: string): EntryResult[] {
  const got = namedParamEntries(actual);
  return namedParamEntries(expected).map(([name, e], k) => relationEntry(name, e, got[k]![1], tolerance(name, e, got[k]![1]), why));
}

/**
 * Rounding of the two compared values themselves: SAFETY·terms·u·(|a| + |b|), for relations between two answers
 * summed from `terms` terms in different orders. Engine tolerances come from the exact network; this part covers an
 * implementation whose own values differ from it (a different activation, say), so that a relation is not blamed
 * for rounding where the exact network has exact zeros.
 */
export function ownRounding(a: number, b: number, terms: number, dtype: Dtype): number {
  return SAFETY * terms * DTYPES[dtype].u * (Math.abs(a) + Math.abs(b));
}

/** A gradients answer as `[entry, value]` pairs: `cost`, then `W1[i][j]`, `b1[i]`, …. */
export function namedGradients(answer: { readonly cost: number; readonly grads: Params }): [string, number][] {
  return [["cost", answer.cost], ...namedParamEntries(answer.grads)];
}

/** A forward answer as `[entry, value]` pairs: `Z1[s][i]`, `A1[s][i]`, …. */
export function namedForward(answer: { readonly layers: readonly { readonly z: Matrix; readonly a: Matrix }[] }): [string, number][] {
  return answer.layers.flatMap(({ z, a }, l) => [
    ...z.flatMap((row, s) => row.map((v, i): [string, number] => [layerValueName("Z", l, s, i), v])),
    ...a.flatMap((row, s) => row.map((v, i): [string, number] => [layerValueName("A", l, s, i), v])),
  ]);
}
