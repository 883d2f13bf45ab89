/**
 * Heatmap data for reports: the compared entries of one case laid out as the arrays they come from — `W1[i][j]`
 * as row i, column j of grid `W1`; `b1[i]` as row i of a one-column grid (beside W1's rows); `Z1[s][i]` as
 * sample s, unit i; `cost` as a 1×1 grid — each cell with |actual − exact| / tolerance (> 1 fails) and the two
 * values. Per-step series (`costs[k]`) are left to the cost curve.
 */
import type { EntryResult } from "../gradcheck/index.ts";

/** One named array of a case, every entry's verdict in its cell (null where no entry was compared). */
export interface EntryGrid {
  /** `W1`, `b1`, `Z2`, `A1`, `cost`: cell (i, j) is `name[i][j]` (`name[i]` for one index, `name` for none). */
  readonly name: string;
  /** How many indices the entry names carry: 0 (`cost`), 1 (`b1[i]`, one column) or 2 (`W1[i][j]`). */
  readonly indices: 0 | 1 | 2;
  readonly rows: number;
  readonly cols: number;
  /** |actual − exact| / tolerance to 3 significant digits, rounded up (Infinity for a non-finite answer); above 1 fails. */
  readonly ratio: readonly (readonly (number | null)[])[];
  /** The exact value (rounded to float64) and the implementation's. */
  readonly expected: readonly (readonly (number | null)[])[];
  readonly actual: readonly (readonly (number | null)[])[];
  /** Cells [i, j] that passed although their ratio is above 1: not judged by it (a finite difference on a ReLU kink). */
  readonly unjudged?: readonly (readonly [number, number])[];
}

/** The heatmap of one case (the first failing one): which case, and its grids in order of first appearance. */
export interface EntryHeatmap {
  readonly case: number;
  readonly kind: string;
  readonly grids: readonly EntryGrid[];
}

/** Heatmaps stop at this many cells per check, so a report stays a sensible size. */
export const MAX_HEATMAP_CELLS = 4096;

/** Entry names that are per-step series, not arrays (see the cost curve). */
const SERIES = new Set(["costs"]);

/** `x` to `digits` significant digits (non-finite values as they are): compact JSON for plots. */
export function significant(x: number, digits = 3): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(digits)) : x;
}

/**
 * `ratio` (an error / tolerance) to 3 significant digits, rounded up: a failing ratio (> 1) never shows as 1, a
 * passing one (≤ 1) never shows above 1.
 */
export function compactRatio(ratio: number): number {
  if (!Number.isFinite(ratio) || ratio <= 0) return ratio;
  const unit = 10 ** (Math.floor(Math.log10(ratio)) - 2);
  const up = Number((Math.ceil(ratio / unit) * unit).toPrecision(3));
  return ratio > 1 && up <= 1 ? 1.01 : up;
}

/** |actual − exact| / tolerance of an entry: 0 when equal, Infinity when not finite. */
export function toleranceRatio(e: Pick<EntryResult, "absError" | "tolerance">): number {
  if (e.absError === 0) return 0;
  return e.tolerance > 0 ? e.absError / e.tolerance : Number.POSITIVE_INFINITY;
}

/**
 * The grids of `entries` (names as in `EntryResult.entry`; names that are not `name`, `name[i]` or `name[i][j]`
 * are left out), or undefined when there are none or more than MAX_HEATMAP_CELLS cells.
 */
export function entryGrids(entries: readonly EntryResult[]): EntryGrid[] | undefined {
  const cells = new Map<string, { i: number; j: number; indices: 0 | 1 | 2; e: EntryResult }[]>();
  for (const e of entries) {
    const match = /^([A-Za-z_]+\d*)((?:\[\d+\]){0,2})$/.exec(e.entry);
    if (match === null || SERIES.has(match[1]!)) continue;
    const indices = [...match[2]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const [i = 0, j = 0] = indices;
    cells.set(match[1]!, [...(cells.get(match[1]!) ?? []), { i, j, indices: indices.length as 0 | 1 | 2, e }]);
  }
  const grids = [...cells].map(([name, list]): EntryGrid => {
    const rows = Math.max(...list.map((c) => c.i)) + 1;
    const cols = Math.max(...list.map((c) => c.j)) + 1;
    const empty = (): (number | null)[][] => Array.from({ length: rows }, () => new Array<number | null>(cols).fill(null));
    const ratio = empty(), expected = empty(), actual = empty();
    const unjudged: [number, number][] = [];
    for (const { i, j, e } of list) {
      ratio[i]![j] = compactRatio(toleranceRatio(e));
      expected[i]![j] = e.expected;
      actual[i]![j] = e.actual;
      if (e.ok && !(toleranceRatio(e) <= 1)) unjudged.push([i, j]);
    }
    return { name, indices: list[0]!.indices, rows, cols, ratio, expected, actual, ...(unjudged.length > 0 ? { unjudged } : {}) };
  });
  const total = grids.reduce((n, g) => n + g.rows * g.cols, 0);
  return grids.length === 0 || total > MAX_HEATMAP_CELLS ? undefined : grids;
}
