import type { ExactGradients } from "../gradcheck/index.ts";
import type { GradientsRequest } from "../implementation.ts";
import type { LayerParams, Matrix } from "../network/types.ts";

/** A replacement for one layer's activation derivative: f′ as a function of z (and the exact f′(z), for reference). */
export type DerivativeOverride = (z: number, exactDerivative: number) => number;

/**
 * The gradients a hypothesised backward pass would give, in float64, from the oracle's own forward pass: starting
 * at the exact dC/dA_L = (2/n)(a_L − y), δ_l = dC/dA_l ⊙ f_l′(z_l) with layer `layer`'s f′ replaced by `override`,
 * dC/dW_l = Σ_s δ_l[s] ⊗ a_(l−1)[s], dC/db_l = Σ_s δ_l[s], dC/dA_(l−1) = W_lᵀ·δ_l.
 */
export function backwardWith(request: GradientsRequest, exact: ExactGradients, layer: number, override: DerivativeOverride): LayerParams[] {
  const layers = exact.layers;
  let dC_dA: Matrix = layers[layers.length - 1]!.dC_dA;
  const grads: LayerParams[] = [];
  for (let l = layers.length - 1; l >= 0; l--) {
    const { z, dA_dZ } = layers[l]!;
    const { W } = request.params[l]!;
    const aPrev = l === 0 ? request.inputs : layers[l - 1]!.a;
    const delta = dC_dA.map((ds, s) => ds.map((d, i) => d * (l === layer ? override(z[s]![i]!, dA_dZ[s]![i]!) : dA_dZ[s]![i]!)));
    const dC_dW = W.map((row, i) => row.map((_, j) => delta.reduce((sum, ds, s) => sum + ds[i]! * aPrev[s]![j]!, 0)));
    const dC_db = W.map((_, i) => delta.reduce((sum, ds) => sum + ds[i]!, 0));
    grads.unshift({ W: dC_dW, b: dC_db });
    dC_dA = delta.map((ds) => W[0]!.map((_, j) => W.reduce((sum, row, i) => sum + row[j]! * ds[i]!, 0)));
  }
  return grads;
}
