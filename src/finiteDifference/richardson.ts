import type { Estimate } from "./types.ts";

/** A Richardson extrapolation: the value, its error bound and the parts that bound is made of. */
export interface Extrapolation extends Estimate {
  /** |final − previous extrapolants|: the truncation error estimate. */
  readonly truncation: number;
  /** Σ |weight_k| · rounding_k: what the inputs' own errors contribute. */
  readonly rounding: number;
  /** The final value as Σ weight_k · D_k. */
  readonly weights: readonly number[];
}

/**
 * Richardson extrapolation of estimates D_k = D(h/r^k), k = 0..K−1, whose error expands as c₁h^p₁ + c₂h^p₂ + …
 * (`orders` = [p₁, p₂, …]: [2, 4, …] for central differences, [1, 2, …] for one-sided ones). Tableau
 * T[k][m] = T[k][m−1] + (T[k][m−1] − T[k−1][m−1]) / (r^p_m − 1); the value is T[K−1][K−1], its truncation error
 * estimated by its distance to the previous row's and column's extrapolants, and `rounding[k]` (a bound on
 * D_k's own error) is carried through the tableau's weights.
 */
export function richardson(D: readonly number[], options: { readonly orders: readonly number[]; readonly ratio?: number; readonly rounding?: readonly number[]; readonly steps?: readonly number[] }): Extrapolation {
  const K = D.length;
  const r = options.ratio ?? 2;
  if (K < 1) throw new RangeError("richardson: expected at least one estimate, got none");
  if (options.orders.length < K - 1) throw new RangeError(`richardson: ${K} estimates need ${K - 1} error orders, got ${options.orders.length}`);
  // Each tableau entry as weights over the D_k, so rounding bounds follow exactly.
  let previous: number[][] = [];
  let current: number[][] = [];
  const rows: number[][][] = [];
  for (let k = 0; k < K; k++) {
    current = [D.map((_, i) => (i === k ? 1 : 0))];
    for (let m = 1; m <= k; m++) {
      const factor = 1 / (r ** options.orders[m - 1]! - 1);
      const a = current[m - 1]!, b = previous[m - 1]!;
      current.push(a.map((w, i) => w + (w - b[i]!) * factor));
    }
    rows.push(current);
    previous = current;
  }
  const valueOf = (w: readonly number[]) => w.reduce((s, wi, i) => s + wi * D[i]!, 0);
  const last = rows[K - 1]!;
  const weights = last[K - 1]!;
  const value = valueOf(weights);
  const truncation = K < 2 ? Number.POSITIVE_INFINITY : Math.max(Math.abs(value - valueOf(last[K - 2]!)), Math.abs(value - valueOf(rows[K - 2]![K - 2]!)));
  const rounding = (options.rounding ?? D.map(() => 0)).reduce((s, e, i) => s + Math.abs(weights[i]!) * e, 0);
  return { value, error: truncation + rounding, truncation, rounding, weights, steps: options.steps ?? [] };
}
