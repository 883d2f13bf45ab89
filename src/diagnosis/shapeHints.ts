/**
 * Hints read from the layout of a weight gradient: a transposed dC/dW (values equal to the exact gradient
 * transposed, or — for a non-square layer — the transposed shape itself), and the same value in every row (a
 * broadcast bug), tested against the sum and the mean of the exact rows.
 */
import type { ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsResult } from "../implementation.ts";
import type { Matrix } from "../network/types.ts";
import { close, differs, matchesAll, type ParamGroup } from "./paramGroups.ts";

const transpose = (m: Matrix): number[][] => m[0]!.map((_, j) => m.map((row) => row[j]!));
const isMatrix = (m: unknown): m is Matrix => Array.isArray(m) && m.length > 0 && m.every((r) => Array.isArray(r) && r.length === (m[0] as unknown[]).length);

/** A transposed weight gradient in any layer, recognised from `actual` directly (its shape may be the problem). */
export function transposedHints(exact: ExactGradients, actual: GradientsResult, groups: readonly ParamGroup[]): Hint[] {
  return exact.grads.flatMap(({ W }, l): Hint[] => {
    const got: unknown = actual.grads?.[l]?.W;
    if (!isMatrix(got)) return [];
    const rows = W.length, cols = W[0]!.length, name = `W${l + 1}`;
    const shapeIsTransposed = got.length === cols && got[0]!.length === rows;
    if (!shapeIsTransposed) return [];
    const square = rows === cols;
    const exactT = transpose(W).flat();
    const valuesTransposed = matchesAll(exactT, got.flat(), W.flat()) && (!square || differs(exactT, W.flat()));
    const failing = groups.find((g) => g.name === name)?.failing ?? false;
    if (valuesTransposed && (!square || failing)) {
      return [{ kind: "transposed", message: `dC/d${name} is the exact gradient transposed${square ? "" : ` (${cols}×${rows} where ${rows}×${cols} is expected)`}: a·δᵀ instead of δ·aᵀ — W has one row per output unit (z = W·a + b)` }];
    }
    return square ? [] : [{ kind: "transposed-shape", message: `dC/d${name} has the transposed shape ${cols}×${rows} (expected ${rows}×${cols}) but not the transposed values` }];
  });
}

/** The same value in every row of a layer's weight gradient (or in every bias entry): a broadcast bug, named by what it equals. */
export function broadcastHints(exact: ExactGradients, groups: readonly ParamGroup[]): Hint[] {
  return exact.grads.flatMap(({ W, b }, l): Hint[] => {
    const rows = W.length, cols = W[0]!.length, name = l + 1;
    if (rows < 2) return [];
    const wGroup = groups.find((g) => g.name === `W${name}`)!, bGroup = groups.find((g) => g.name === `b${name}`)!;
    const sumRow = W[0]!.map((_, j) => W.reduce((s, row) => s + row[j]!, 0));
    const wAs = equalRows(wGroup, rows, cols, sumRow);
    const bAs = equalRows(bGroup, rows, 1, [b.reduce((s, x) => s + x, 0)]);
    if (wAs === undefined && bAs === undefined) return [];
    const parts = [
      ...(wAs === undefined ? [] : [`every row of dC/dW${name} is ${describe(wAs, "rows")}`]),
      ...(bAs === undefined ? [] : [`every entry of dC/db${name} is ${describe(bAs, "entries")}`]),
    ];
    const summed = wAs !== "other" && bAs !== "other" && (wAs === "sum" || bAs === "sum");
    const why = summed
      ? `δ${name} was summed over the ${rows} units before the outer product — a (1×${rows})@(${rows}×1) matrix product where an element-wise one belongs (the seed's published backward_prop does exactly this: dC_dA1 @ dA1_dZ1), then broadcast over the rows`
      : `a broadcast bug: one row computed and spread over all ${rows}`;
    return [{ kind: "broadcast-rows", message: `${parts.join(", and ")}: ${why}` }];
  });
}

type RowsAre = "sum" | "mean" | "other";

function describe(as: RowsAre, what: "rows" | "entries"): string {
  return as === "sum" ? `the sum of the exact ${what}` : as === "mean" ? `the mean of the exact ${what}` : "the same, though neither the sum nor the mean of the exact ones";
}

/** For a failing group whose rows are all alike: whether they equal the sum of the exact rows, their mean, or neither. */
function equalRows(group: ParamGroup, rows: number, cols: number, sumRow: readonly number[]): RowsAre | undefined {
  const got = group.actual;
  if (!group.failing || got === undefined) return undefined;
  const scale = Math.max(...got.map(Math.abs), ...group.exact.map(Math.abs));
  const alike = got.every((x, k) => close(got[k % cols]!, x, scale));
  if (!alike || got.every((x) => close(0, x, scale))) return undefined; // all zero is a missing gradient, not a broadcast
  const repeated = (row: readonly number[]) => Array.from({ length: rows }, () => row).flat();
  if (matchesAll(repeated(sumRow), got, group.exact)) return "sum";
  if (matchesAll(repeated(sumRow.map((x) => x / rows)), got, group.exact)) return "mean";
  return "other";
}
