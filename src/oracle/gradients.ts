import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { COST_TABLE, exactReductionWeight } from "../family/costs.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams } from "./decimal.ts";
import { exactDot, exactSum } from "./exactDot.ts";
import { oracleForward, type DecimalLayerValues } from "./forward.ts";

/** The exact cost, gradients and everything the backward pass saw. */
export interface OracleGradients {
  /** C = w·Σ_samples c_s: the network's cost per sample c_s, reduced over the batch (w = 1/n for the mean). */
  readonly cost: Decimal;
  /** dC/dW_l and dC/db_l, shaped like the params. */
  readonly grads: DecimalParams;
  /** The forward pass (z, a, f′(z) per layer). */
  readonly layers: readonly DecimalLayerValues[];
  /** delta_l = dC/dz_l per layer, `[sample][unit]`. */
  readonly deltas: readonly DecimalMatrix[];
  /** dC/da_l per layer, `[sample][unit]` (the last is w·dc/da, e.g. (2/n)(a − y) for the mean squared error). */
  readonly dC_dA: readonly DecimalMatrix[];
}

/**
 * Backpropagation in decimal for a batch of n samples (the seed's chain rule, reduced over the batch):
 *   dC/dA_L = w·dc/da (the cost table's general rule);  delta_l = J_lᵀ·dC/dA_l (f_l′(z_l) ⊙ dC/dA_l unit by unit;
 *   the softmax Jacobian product a ⊙ (g − a·g) for softmax — with cross-entropy that gives w(a·Σy − y), nothing
 *   special-cased); dC/dW_l = Σ_s delta_l[s] ⊗ a_(l−1)[s];  dC/db_l = Σ_s delta_l[s];  dC/dA_(l−1) = W_lᵀ·delta_l.
 */
export function oracleGradients(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
  targets: DecimalMatrix,
): OracleGradients {
  const layers = oracleForward(D, network, params, inputs);
  const n = inputs.length;
  const out = layers[layers.length - 1]!;
  const cost = COST_TABLE[network.cost];
  const w = exactReductionWeight(D, network.reduction, n, network.layers.at(-1)!);
  const perSample = out.a.map((a, s) => cost.exactValue(D, out.z[s]!, a, targets[s]!));
  const total = perSample.reduce((sum, c) => sum.plus(c), new D(0)).times(w);

  const grads: { W: Decimal[][]; b: Decimal[] }[] = [];
  const deltas: DecimalMatrix[] = [];
  const dC_dAs: DecimalMatrix[] = [];
  let dC_dA: DecimalMatrix = out.a.map((a, s) => cost.exactGradient(D, out.z[s]!, a, targets[s]!).map((g) => g.times(w)));
  for (let l = layers.length - 1; l >= 0; l--) {
    const { W } = params[l]!;
    const aPrev = l === 0 ? inputs : layers[l - 1]!.a;
    const f = ACTIVATION_TABLE[network.activations[l]!];
    const delta = dC_dA.map((ds, s) =>
      f.kind === "vector" ? f.exactBackward(D, layers[l]!.a[s]!, ds) : ds.map((d, i) => d.times(layers[l]!.dA_dZ[s]![i]!)));
    // dC/dW_ij = Σ_s δ[s][i]·a[s][j], dC/db_i = Σ_s δ[s][i]: each sum exact, rounded once
    const deltaColumns = W.map((_, i) => delta.map((ds) => ds[i]!));
    const aColumns = W[0]!.map((_, j) => aPrev.map((as) => as[j]!));
    const dC_dW = W.map((row, i) => row.map((_, j) => exactDot(D, deltaColumns[i]!, aColumns[j]!)));
    const dC_db = W.map((_, i) => exactSum(D, deltaColumns[i]!));
    grads.unshift({ W: dC_dW, b: dC_db });
    deltas.unshift(delta);
    dC_dAs.unshift(dC_dA);
    // dC/dA_(l−1) = W_lᵀ·delta_l; below the first layer there is nothing left to propagate into.
    if (l > 0) {
      const WColumns = W[0]!.map((_, j) => W.map((row) => row[j]!));
      dC_dA = delta.map((ds) => WColumns.map((column) => exactDot(D, column, ds)));
    }
  }
  return { cost: total, grads, layers, deltas, dC_dA: dC_dAs };
}

