import { richardson, type Extrapolation } from "./richardson.ts";
import type { Evaluation } from "./types.ts";

/** A stencil point along a line θ + τ·s: its actual signed τ and what the cost said there. */
export interface StencilPoint {
  readonly tau: number;
  readonly evaluation: Evaluation;
}

/** One level of a central stencil: the points at +τ_k and −τ_k (τ_k = 2^−k when the points are exact). */
export interface CentralLevel {
  readonly plus: StencilPoint;
  readonly minus: StencilPoint;
}

/**
 * dC/dτ at τ = 0 from central differences D_k = (C(τ₊) − C(τ₋))/(τ₊ − τ₋), extrapolated (error orders 2, 4, …).
 * Each level's own error: the two costs' noise over the step, plus, when the points are not symmetric
 * (an inexact step), |f″|·|τ₊ + τ₋|/2 with f″ from the outer level's second difference.
 */
export function centralEstimate(center: Evaluation, levels: readonly CentralLevel[]): Extrapolation {
  const outer = levels[0]!;
  const curvature = Math.abs(outer.plus.evaluation.cost + outer.minus.evaluation.cost - 2 * center.cost) / Math.abs(outer.plus.tau * outer.minus.tau);
  const D: number[] = [], rounding: number[] = [];
  for (const { plus, minus } of levels) {
    const width = plus.tau - minus.tau;
    D.push((plus.evaluation.cost - minus.evaluation.cost) / width);
    const asymmetry = (curvature * Math.abs(plus.tau + minus.tau)) / 2;
    rounding.push((plus.evaluation.noise + minus.evaluation.noise) / width + asymmetry + 2 ** -52 * Math.abs(D.at(-1)!));
  }
  return richardson(D, { orders: levels.map((_, m) => 2 * (m + 1)), rounding, steps: levels.map((l) => (l.plus.tau - l.minus.tau) / 2) });
}

/**
 * The one-sided derivative at τ = 0 from the side of `points` (all τ > 0, or all τ < 0, outermost first):
 * D_k = (C(τ_k) − C(0))/τ_k, extrapolated with error orders 1, 2, ….
 */
export function oneSidedEstimate(center: Evaluation, points: readonly StencilPoint[]): Extrapolation {
  const D = points.map((p) => (p.evaluation.cost - center.cost) / p.tau);
  const rounding = points.map((p, k) => (p.evaluation.noise + center.noise) / Math.abs(p.tau) + 2 ** -52 * Math.abs(D[k]!));
  return richardson(D, { orders: points.map((_, m) => m + 1), rounding, steps: points.map((p) => Math.abs(p.tau)) });
}
