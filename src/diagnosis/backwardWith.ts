import type { ExactGradients } from "../gradcheck/index.ts";
import type { GradientsRequest } from "../implementation.ts";
import type { LayerParams, Matrix } from "../network/types.ts";

/** A replacement for one layer's activation derivative: f′ as a function of z (and the exact f′(z), for reference). */
export type DerivativeOverride = (z: number, exactDerivative: number) => number;

/**
 * The gradients a hypothesised backward pass would give, in float64, from the oracle's own forward pass, with layer
 * `layer`'s f′ replaced by `override`. A hypothesis about a hidden layer starts from the exact δ_L = dC/dz_L — finite
 * wherever the cost is, even where dC/dA_L is not (cross-entropy's −y/a at an a that rounds to 0); one about the
 * output layer starts from the exact dC/dA_L, δ_L = dC/dA_L ⊙ override(z_L). Below, see `backwardFrom`.
 */
export function backwardWith(request: GradientsRequest, exact: ExactGradients, layer: number, override: DerivativeOverride): LayerParams[] {
  const L = exact.layers.length - 1;
  const out = exact.layers[L]!;
  const deltaL = layer === L ? out.dC_dA.map((ds, s) => ds.map((d, i) => d * override(out.z[s]![i]!, out.dA_dZ[s]![i]!))) : out.delta;
  return backwardFrom(request, exact, deltaL, layer === L ? undefined : { layer, override });
}

/**
 * The gradients from a given output δ_L, with the exact f′ below it (or layer `hidden.layer`'s replaced):
 * dC/dW_l = Σ_s δ_l[s] ⊗ a_(l−1)[s], dC/db_l = Σ_s δ_l[s], δ_(l−1) = (W_lᵀ·δ_l) ⊙ f_(l−1)′(z_(l−1)).
 */
export function backwardFrom(request: GradientsRequest, exact: ExactGradients, deltaL: Matrix, hidden?: { readonly layer: number; readonly override: DerivativeOverride }): LayerParams[] {
  const layers = exact.layers;
  let delta: Matrix = deltaL;
  const grads: LayerParams[] = [];
  for (let l = layers.length - 1; l >= 0; l--) {
    const { W } = request.params[l]!;
    const aPrev = l === 0 ? request.inputs : layers[l - 1]!.a;
    const dC_dW = W.map((row, i) => row.map((_, j) => delta.reduce((sum, ds, s) => sum + ds[i]! * aPrev[s]![j]!, 0)));
    const dC_db = W.map((_, i) => delta.reduce((sum, ds) => sum + ds[i]!, 0));
    grads.unshift({ W: dC_dW, b: dC_db });
    if (l === 0) break;
    const { z, dA_dZ } = layers[l - 1]!;
    const f = (s: number, i: number) => (hidden?.layer === l - 1 ? hidden.override(z[s]![i]!, dA_dZ[s]![i]!) : dA_dZ[s]![i]!);
    delta = delta.map((ds, s) => W[0]!.map((_, j) => W.reduce((sum, row, i) => sum + row[j]! * ds[i]!, 0) * f(s, j)));
  }
  return grads;
}
