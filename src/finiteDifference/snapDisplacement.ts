import { DTYPES, type Dtype } from "../gradcheck/index.ts";
import type { Vector } from "../network/types.ts";
import { isExactSum, ulpOf } from "./dtypeArithmetic.ts";

/**
 * A displacement s near the given one such that every stencil point θ ± s/2^k (k < levels) is a `dtype` value
 * computed exactly (so the step is h = (θ + h) − θ, with no rounding in the points): each s_i is rounded to a
 * multiple of 2^(levels−1)·ulp(|θ_i| + 2|s_i|), or kept within θ_i's binade when its last bit forbids crossing
 * into the next. Components for which no exact step exists (|s_i| ≫ |θ_i| ≠ 0, say) are set to 0 when
 * `dropInexact` (a random direction may lose them), else kept as near as possible and `exact` is false.
 */
export function snapDisplacement(theta: Vector, s: Vector, levels: number, dtype: Dtype, dropInexact: boolean): { readonly s: number[]; readonly exact: boolean } {
  let exact = true;
  const snapped = s.map((si, i) => {
    if (si === 0) return 0;
    const t = theta[i]!;
    const candidate = snapOne(t, si, levels, dtype);
    if (candidate !== undefined) return candidate;
    if (dropInexact) return 0;
    exact = false;
    return roundedMultiple(si, 2 ** (levels - 1) * ulpOf(Math.abs(t) + 2 * Math.abs(si), dtype));
  });
  return { s: snapped, exact };
}

/** A displacement by its nonzero components: s_indices[k] = values[k], every other component 0. */
export interface Displacement {
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

/** `snapDisplacement` on the nonzero components only (O(nonzero), not O(P)); dropped components leave the list. */
export function snapSparse(theta: Vector, s: Displacement, levels: number, dtype: Dtype, dropInexact: boolean): { readonly s: Displacement; readonly exact: boolean } {
  const snapped = snapDisplacement(s.indices.map((i) => theta[i]!), s.values, levels, dtype, dropInexact);
  const indices: number[] = [], values: number[] = [];
  for (let k = 0; k < snapped.s.length; k++) if (snapped.s[k] !== 0) (indices.push(s.indices[k]!), values.push(snapped.s[k]!));
  return { s: { indices, values }, exact: snapped.exact };
}

function snapOne(theta: number, si: number, levels: number, dtype: Dtype): number | undefined {
  const first = roundedMultiple(si, 2 ** (levels - 1) * ulpOf(Math.abs(theta) + 2 * Math.abs(si), dtype));
  if (allExact(theta, first, levels, dtype)) return first;
  // θ's last bit is odd and a point crosses into the next binade up: stay below 2^(e+1).
  const q = 2 ** (levels - 1) * ulpOf(theta, dtype);
  const room = 2 * ulpOf(theta, dtype) * 2 ** (DTYPES[dtype].p - 1) - Math.abs(theta) - q;
  const kept = Math.floor(Math.min(Math.abs(si), room) / q) * q;
  const second = Math.sign(si) * kept;
  return kept >= Math.abs(si) / 8 && allExact(theta, second, levels, dtype) ? second : undefined;
}

function roundedMultiple(x: number, q: number): number {
  const m = Math.round(x / q);
  return (m === 0 ? Math.sign(x) : m) * q;
}

function allExact(theta: number, si: number, levels: number, dtype: Dtype): boolean {
  for (let k = 0; k < levels; k++) {
    const d = si / 2 ** k;
    if (!isExactSum(theta, d, dtype) || !isExactSum(theta, -d, dtype)) return false;
  }
  return true;
}
