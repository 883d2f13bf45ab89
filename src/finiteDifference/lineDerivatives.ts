import type { Dtype } from "../gradcheck/index.ts";
import type { Vector } from "../network/types.ts";
import { roundToDtype } from "./dtypeArithmetic.ts";
import { kinkCrossings, sideCrossings, type Crossing, type StencilSample } from "./kinkCrossings.ts";
import type { Extrapolation } from "./richardson.ts";
import { snapDisplacement } from "./snapDisplacement.ts";
import { centralEstimate, oneSidedEstimate, type CentralLevel } from "./stencilEstimates.ts";
import { minimumStepRatio } from "./stepSize.ts";
import type { EvaluatePoints, Evaluation } from "./types.ts";

/** One derivative to estimate: d/dτ C(θ + τ·s) at τ = 0, with s the base displacement (snapped before use). */
export interface LineRequest {
  readonly s: Vector;
  /** Drop components for which no exact step exists (fine for a random direction; a coordinate keeps its one). */
  readonly dropInexact: boolean;
}

/** The one-sided derivatives of a line whose point sits on a ReLU kink. */
export interface KinkEstimate {
  readonly left: Extrapolation;
  readonly right: Extrapolation;
  /** The ReLU units (indices into `reluZ`) whose kink is at the point, nearer than the smallest allowed step. */
  readonly units: readonly number[];
  /** Whether each side's stencil stayed clear of every other kink. */
  readonly resolved: boolean;
}

/** The outcome for one line; every estimate is of dC/dτ along θ + τ·s with this (final) s. */
export interface LineResult {
  readonly s: readonly number[];
  /** The central estimate (meaningless across a kink: see `kink`). */
  readonly estimate: Extrapolation;
  /** Whether every stencil point was exactly θ ± s/2^k. */
  readonly exact: boolean;
  /** Times the step was shrunk to keep the stencil clear of a kink, and those kinks (|τ| in units of the base s). */
  readonly shrinks: number;
  readonly avoided: readonly Crossing[];
  readonly kink?: KinkEstimate;
}

/** Engine settings: the dtype the cost is computed in, Richardson levels (default 3: s, s/2, s/4), shrink rounds. */
export interface LineOptions {
  readonly dtype: Dtype;
  readonly levels?: number;
  readonly maxShrinks?: number;
}

interface State {
  s: number[];
  exact: boolean;
  readonly base: number;
  shrinks: number;
  sideShrinks: number;
  avoided: Crossing[];
  near?: { readonly units: number[]; readonly offset: number };
  result?: LineResult;
}

const norm = (v: Vector): number => Math.hypot(...v);

/**
 * Estimates many line derivatives at once, round by round: each round sends every pending line's 2·levels stencil
 * points in one `evaluate` call. A line whose stencil changes some ReLU unit's on/off state (against the centre)
 * is shrunk below the linearised distance to that kink and retried; a kink nearer than the smallest allowed step
 * (see `minimumStepRatio`) is at the point, and the line gets left and right one-sided derivatives instead.
 */
export async function lineDerivatives(theta: Vector, center: Evaluation, lines: readonly LineRequest[], evaluate: EvaluatePoints, options: LineOptions): Promise<LineResult[]> {
  const K = options.levels ?? 3, maxShrinks = options.maxShrinks ?? 6, { dtype } = options;
  const tauMin = minimumStepRatio(dtype);
  const states: State[] = lines.map(({ s, dropInexact }) => {
    const snapped = snapDisplacement(theta, s, K, dtype, dropInexact);
    return { ...snapped, base: norm(snapped.s), shrinks: 0, sideShrinks: 0, avoided: [] };
  });
  const resnap = (st: State, factor: number, dropInexact: boolean) => {
    const next = snapDisplacement(theta, st.s.map((x) => x * factor), K, dtype, dropInexact);
    st.s = next.s;
    st.exact = next.exact;
  };
  for (let pending = states; pending.length > 0; pending = states.filter((st) => !st.result)) {
    const points = pending.flatMap((st) => stencil(theta, st.s, K, dtype));
    const evaluations = await evaluate(points);
    pending.forEach((st, n) => {
      const scale = norm(st.s) / st.base;
      const axis = st.s.reduce((best, x, i) => (Math.abs(x) > Math.abs(st.s[best]!) ? i : best), 0);
      const at = (q: number) => ({ tau: (points[n * 2 * K + q]![axis]! - theta[axis]!) / st.s[axis]!, evaluation: evaluations[n * 2 * K + q]! });
      const levels: CentralLevel[] = Array.from({ length: K }, (_, k) => ({ plus: at(2 * k), minus: at(2 * k + 1) }));
      const estimate = centralEstimate(center, levels);
      const dropInexact = lines[states.indexOf(st)]!.dropInexact;
      const samples: StencilSample[] | undefined = center.reluZ && levels.every((l) => l.plus.evaluation.reluZ && l.minus.evaluation.reluZ)
        ? levels.flatMap((l) => [l.plus, l.minus].map((p) => ({ tau: p.tau, reluZ: p.evaluation.reluZ! })))
        : undefined;
      const finish = (kink?: KinkEstimate) => (st.result = { s: st.s, estimate, exact: st.exact, shrinks: st.shrinks, avoided: st.avoided, ...(kink ? { kink } : {}) });
      if (!st.near) {
        const crossings = samples ? kinkCrossings(center.reluZ!, samples) : [];
        if (crossings.length === 0) return finish();
        const near = crossings.filter((c) => c.distance * scale < tauMin);
        if (near.length === 0 && st.shrinks < maxShrinks) {
          st.avoided = crossings.map((c) => ({ unit: c.unit, distance: c.distance * scale }));
          st.shrinks++;
          return resnap(st, Math.max(0.5 * Math.min(...crossings.map((c) => c.distance)), tauMin / scale / 2), dropInexact);
        }
        const atPoint = near.length > 0 ? near : crossings;
        st.near = { units: atPoint.map((c) => c.unit), offset: Math.max(...atPoint.map((c) => c.distance * scale)) };
      }
      // On a kink: each side must be clear of the others (those not at the point) before its one-sided estimate.
      const plusSide = samples!.filter((p) => p.tau > 0), minusSide = samples!.filter((p) => p.tau < 0);
      const others = [...sideCrossings(plusSide), ...sideCrossings(minusSide)];
      if (others.length > 0 && st.sideShrinks < maxShrinks) {
        st.sideShrinks++;
        return resnap(st, 0.5 * Math.min(...others.map((c) => c.distance)), dropInexact);
      }
      const right = oneSidedEstimate(center, levels.map((l) => l.plus));
      const left = oneSidedEstimate(center, levels.map((l) => l.minus));
      // The kink may lie a hair off the point (|τ| ≤ offset): a one-sided quotient over it is off by ≤ |jump|·offset/τ.
      const innermost = Math.min(...levels.map((l) => Math.min(l.plus.tau, -l.minus.tau)));
      const bias = (Math.abs(right.value - left.value) * st.near.offset) / scale / innermost;
      const widen = (e: Extrapolation): Extrapolation => ({ ...e, error: e.error + bias + (others.length > 0 ? Math.abs(right.value - left.value) : 0) });
      finish({ left: widen(left), right: widen(right), units: st.near.units, resolved: others.length === 0 });
    });
  }
  return states.map((st) => st.result!);
}

/** The 2K points θ + s/2^k, θ − s/2^k (k = 0..K−1, in that order), rounded to the dtype (exact when s was snapped). */
function stencil(theta: Vector, s: Vector, K: number, dtype: Dtype): number[][] {
  return Array.from({ length: K }, (_, k) => [1, -1].map((sign) => theta.map((t, i) => (s[i] === 0 ? t : roundToDtype(t + (sign * s[i]!) / 2 ** k, dtype))))).flat();
}
