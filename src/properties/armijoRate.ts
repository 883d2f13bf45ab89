import type { Decimal } from "decimal.js";
import type { GradientsRequest } from "../implementation.ts";
import type { Oracle, OracleGradients, ParamsLike } from "../oracle/index.ts";

/** A learning rate chosen by backtracking on the exact oracle. */
export interface ArmijoRate {
  /** 2^−halvings: exact in every dtype. */
  readonly learningRate: number;
  readonly halvings: number;
  /** The exact costs before and after the exact step θ − L·g. */
  readonly before: Decimal;
  readonly after: Decimal;
}

/** The exact batch cost (1/n) Σ (a − y)² at `params`. */
export function exactCost(oracle: Oracle, request: Omit<GradientsRequest, "params">, params: ParamsLike): Decimal {
  const aL = oracle.forward(request.network, params, request.inputs).at(-1)!.a;
  const sum = aL.reduce((acc, as, s) => as.reduce((t, a, o) => t.plus(a.minus(oracle.decimal(request.targets[s]![o]!)).pow(2)), acc), oracle.decimal(0));
  return sum.div(request.inputs.length);
}

/**
 * Armijo backtracking with c = ½ on the exact oracle: the largest L = 2^−k, k = 0…maxHalvings, with
 * C(θ − L·g) ≤ C(θ) − ½·L·‖g‖², where g = ∇C(θ) (`gradients`, the oracle's answer for `request`). Such an L is
 * small enough for the local curvature: the exact step decreases the cost by at least ½·L·‖g‖².
 */
export function armijoRate(oracle: Oracle, request: GradientsRequest, gradients: OracleGradients, maxHalvings = 40): ArmijoRate {
  const grads = gradients.grads;
  const normSquared = grads.reduce((acc, { W, b }) => [...W.flat(), ...b].reduce((t, g) => t.plus(g.times(g)), acc), oracle.decimal(0));
  const before = gradients.cost;
  let after = before;
  let halvings = 0;
  for (; halvings <= maxHalvings; halvings++) {
    const L = oracle.decimal(2 ** -halvings);
    const stepped = request.params.map(({ W, b }, l) => ({
      W: W.map((row, i) => row.map((w, j) => oracle.decimal(w).minus(L.times(grads[l]!.W[i]![j]!)))),
      b: b.map((v, i) => oracle.decimal(v).minus(L.times(grads[l]!.b[i]!))),
    }));
    after = exactCost(oracle, request, stepped);
    if (after.lte(before.minus(L.times(normSquared).div(2)))) break;
  }
  halvings = Math.min(halvings, maxHalvings);
  return { learningRate: 2 ** -halvings, halvings, before, after };
}
