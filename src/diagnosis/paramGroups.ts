/**
 * The unit of diagnosis: a parameter group (all of W_l, or all of b_l), flattened, with the exact and the actual
 * values, whether the verdict failed any of its entries — and the loose agreement every hypothesis is tested with.
 */
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { GradientsResult } from "../implementation.ts";
import type { LayerParams } from "../network/types.ts";

export interface ParamGroup {
  /** "W1", "b2", … */
  readonly name: string;
  /** 0-based layer index. */
  readonly layer: number;
  readonly kind: "W" | "b";
  /** Row-major for W. */
  readonly exact: readonly number[];
  /** Undefined when the answer's shape does not match (the comparison then lists a problem). */
  readonly actual: readonly number[] | undefined;
  readonly failing: boolean;
}

/** Relative part of the loose tolerance hypotheses are tested with: far above rounding, far below any real bug. */
export const LOOSE_RELATIVE = 1e-3;
/** Absolute part, as a fraction of the largest magnitude in the group (entries that cancel to near 0). */
export const LOOSE_ABSOLUTE = 1e-5;

/** Whether `actual` is within the loose tolerance of `predicted`, in a group whose largest magnitude is `scale`. */
export function close(predicted: number, actual: number, scale: number): boolean {
  return Number.isFinite(actual) && Math.abs(actual - predicted) <= LOOSE_RELATIVE * Math.abs(predicted) + LOOSE_ABSOLUTE * scale;
}

const maxAbs = (xs: readonly number[]): number => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/**
 * Whether every entry of `actual` is loosely `predicted` (scaled by the larger of the two groups and the exact one).
 * A prediction with a non-finite entry explains nothing: its scale would be ∞, and every answer within it.
 */
export function matchesAll(predicted: readonly number[], actual: readonly number[], exact: readonly number[]): boolean {
  if (predicted.length !== actual.length || !predicted.every(Number.isFinite)) return false;
  const scale = Math.max(maxAbs(predicted), maxAbs(exact));
  return predicted.every((p, k) => close(p, actual[k]!, scale));
}

/** Whether a prediction differs from the exact group by more than the loose tolerance somewhere. */
export function differs(predicted: readonly number[], exact: readonly number[]): boolean {
  return !matchesAll(predicted, exact, exact);
}

const flatW = (W: readonly (readonly number[])[]): number[] => W.flat();

/** W_l, b_l of every layer as groups: exact, actual (when shaped like the exact one), failing per the comparison. */
export function paramGroups(exact: ExactGradients, actual: GradientsResult, comparison: Comparison): ParamGroup[] {
  const failingNames = new Set(comparison.failures.map((e) => /^([Wb]\d+)\[/.exec(e.entry)?.[1]).filter((n) => n !== undefined));
  return exact.grads.flatMap(({ W, b }, l): ParamGroup[] => {
    const got: LayerParams | undefined = actual.grads?.[l];
    const wShaped = got !== undefined && Array.isArray(got.W) && got.W.length === W.length && got.W.every((r, i) => Array.isArray(r) && r.length === W[i]!.length);
    const bShaped = got !== undefined && Array.isArray(got.b) && got.b.length === b.length;
    return [
      { name: `W${l + 1}`, layer: l, kind: "W", exact: flatW(W), actual: wShaped ? flatW(got.W) : undefined, failing: failingNames.has(`W${l + 1}`) },
      { name: `b${l + 1}`, layer: l, kind: "b", exact: [...b], actual: bShaped ? [...got.b] : undefined, failing: failingNames.has(`b${l + 1}`) },
    ];
  });
}

/** "W1", "W1 and b1", "W1, b1 and W2". */
export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
