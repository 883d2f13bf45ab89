import type { Dtype } from "../gradcheck/index.ts";
import type { Vector } from "../network/types.ts";
import { roundToDtype } from "./dtypeArithmetic.ts";
import { kinkCrossings, sideCrossings, type Crossing, type StencilSample } from "./kinkCrossings.ts";
import type { Extrapolation } from "./richardson.ts";
import { snapSparse, type Displacement } from "./snapDisplacement.ts";
import { centralEstimate, oneSidedEstimate, type CentralLevel } from "./stencilEstimates.ts";
import { minimumStepRatio } from "./stepSize.ts";
import type { EvaluatePoints, Evaluation } from "./types.ts";

/**
 * One derivative to estimate: d/dτ C(θ + τ·s) at τ = 0, with s the base displacement (snapped before use): a dense
 * vector `s` (a direction), or a coordinate step `{ index, size }` (s = size·e_index, held as one number: O(1) memory).
 */
export type LineRequest = {
  /** Drop components for which no exact step exists (fine for a random direction; a coordinate keeps its one). */
  readonly dropInexact: boolean;
} & ({ readonly s: Vector } | { readonly index: number; readonly size: number });

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
  /** The final displacement s, its nonzero components only. */
  readonly s: Displacement;
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
  s: Displacement;
  exact: boolean;
  readonly base: number;
  shrinks: number;
  sideShrinks: number;
  avoided: Crossing[];
  near?: { readonly units: number[]; readonly offset: number };
  result?: LineResult;
}

/** The Euclidean length of a displacement (a loop: a spread of 10⁵ arguments would overflow the stack). */
export function displacementNorm(d: Displacement): number {
  let max = 0, sum = 0;
  for (const x of d.values) max = Math.max(max, Math.abs(x));
  if (max === 0 || !Number.isFinite(max)) return max;
  for (const x of d.values) sum += (x / max) ** 2;
  return max * Math.sqrt(sum);
}

/** Stencil points in flight at once: enough for a pipelined implementation, few enough that points × P stays ~2·10⁶ numbers. */
function pointsInFlight(P: number): number {
  return Math.max(12, Math.min(4096, Math.floor(2e6 / Math.max(P, 1))));
}

function asDisplacement(line: LineRequest): Displacement {
  if (!("s" in line)) return { indices: [line.index], values: [line.size] };
  const indices: number[] = [], values: number[] = [];
  for (let i = 0; i < line.s.length; i++) if (line.s[i] !== 0) (indices.push(i), values.push(line.s[i]!));
  return { indices, values };
}

/**
 * Estimates many line derivatives at once, round by round: each round sends every pending line's 2·levels stencil
 * points in one `evaluate` call. A line whose stencil changes some ReLU unit's on/off state (against the centre)
 * is shrunk below the linearised distance to that kink and retried; a kink nearer than the smallest allowed step
 * (see `minimumStepRatio`) is at the point, and the line gets left and right one-sided derivatives instead.
 * Points are built only when sent, a bounded number at a time (`pointsInFlight`): memory is O(P), not O(lines · P).
 */
export async function lineDerivatives(theta: Vector, center: Evaluation, lines: readonly LineRequest[], evaluate: EvaluatePoints, options: LineOptions): Promise<LineResult[]> {
  const K = options.levels ?? 3, maxShrinks = options.maxShrinks ?? 6, { dtype } = options;
  const tauMin = minimumStepRatio(dtype);
  const states: State[] = lines.map((line) => {
    const snapped = snapSparse(theta, asDisplacement(line), K, dtype, line.dropInexact);
    return { ...snapped, base: displacementNorm(snapped.s), shrinks: 0, sideShrinks: 0, avoided: [] };
  });
  const resnap = (st: State, factor: number, dropInexact: boolean) => {
    const next = snapSparse(theta, { indices: st.s.indices, values: st.s.values.map((x) => x * factor) }, K, dtype, dropInexact);
    st.s = next.s;
    st.exact = next.exact;
  };
  const chunk = pointsInFlight(theta.length);
  for (let pending = states; pending.length > 0; pending = states.filter((st) => !st.result)) {
    const evaluations: Evaluation[] = [];
    for (let first = 0; first < pending.length * 2 * K; first += chunk) {
      const last = Math.min(first + chunk, pending.length * 2 * K);
      const points = Array.from({ length: last - first }, (_, q) => stencilPoint(theta, pending[Math.floor((first + q) / (2 * K))]!.s, (first + q) % (2 * K), dtype));
      evaluations.push(...(await evaluate(points)));
    }
    pending.forEach((st, n) => {
      const scale = displacementNorm(st.s) / st.base;
      let axis = 0;
      for (let k = 1; k < st.s.values.length; k++) if (Math.abs(st.s.values[k]!) > Math.abs(st.s.values[axis]!)) axis = k;
      const i = st.s.indices[axis]!;
      const at = (q: number) => ({ tau: (pointComponent(theta[i]!, st.s.values[axis]!, q, dtype) - theta[i]!) / st.s.values[axis]!, evaluation: evaluations[n * 2 * K + q]! });
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

/** Component t of stencil point q: θ + s/2^k for q = 2k, θ − s/2^k for q = 2k + 1, rounded to the dtype (exact when s was snapped). */
function pointComponent(t: number, s: number, q: number, dtype: Dtype): number {
  return roundToDtype(t + ((q % 2 === 0 ? 1 : -1) * s) / 2 ** Math.floor(q / 2), dtype);
}

/** Stencil point q of the 2K points θ ± s/2^k (k = 0..K−1, + before −), built when it is sent. */
function stencilPoint(theta: Vector, s: Displacement, q: number, dtype: Dtype): number[] {
  const point = theta.slice();
  for (let k = 0; k < s.indices.length; k++) point[s.indices[k]!] = pointComponent(theta[s.indices[k]!]!, s.values[k]!, q, dtype);
  return point;
}
