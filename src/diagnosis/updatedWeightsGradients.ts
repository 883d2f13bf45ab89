import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams, OracleGradients } from "../oracle/index.ts";

/**
 * The gradients of a backward pass that updates each layer's weights as soon as it has their gradient and then
 * propagates δ down through the *updated* ones (synaptic 1.1.4's bug), in decimal: from the exact output δ_L,
 * dC/dW_l = Σ_s δ_l[s] ⊗ a_(l−1)[s], dC/db_l = Σ_s δ_l[s], W_l′ = W_l − L·dC/dW_l, δ_(l−1) = J_(l−1)ᵀ·(W_l′ᵀ·δ_l).
 * The output layer's gradients are the exact ones; every layer below differs by the updates above it.
 */
export function updatedWeightsGradients(D: DecimalConstructor, network: NetworkSpec, params: DecimalParams, inputs: DecimalMatrix, exact: OracleGradients, learningRate: Decimal): DecimalParams {
  const layers = exact.layers;
  const grads: { W: Decimal[][]; b: Decimal[] }[] = [];
  let delta: DecimalMatrix = exact.deltas[layers.length - 1]!;
  for (let l = layers.length - 1; l >= 0; l--) {
    const { W } = params[l]!;
    const aPrev = l === 0 ? inputs : layers[l - 1]!.a;
    const dC_dW = W.map((row, i) => row.map((_, j) => delta.reduce((sum, ds, s) => sum.plus(ds[i]!.times(aPrev[s]![j]!)), new D(0))));
    const dC_db = W.map((_, i) => delta.reduce((sum, ds) => sum.plus(ds[i]!), new D(0)));
    grads.unshift({ W: dC_dW, b: dC_db });
    if (l === 0) break;
    const updated = W.map((row, i) => row.map((w, j) => w.minus(learningRate.times(dC_dW[i]![j]!))));
    const dC_dA = delta.map((ds) => W[0]!.map((_, j) => updated.reduce((sum, row, i) => sum.plus(row[j]!.times(ds[i]!)), new D(0))));
    const below = layers[l - 1]!;
    const f = ACTIVATION_TABLE[network.activations[l - 1]!];
    delta = dC_dA.map((ds, s) => (f.kind === "vector" ? f.exactBackward(D, below.a[s]!, ds) : ds.map((d, i) => d.times(below.dA_dZ[s]![i]!))));
  }
  return grads;
}
