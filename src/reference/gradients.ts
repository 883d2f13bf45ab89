/**
 * Cost and gradients of a batch by backpropagation, in the seed's matrix form (columns = samples):
 * C = (1/n) Σ (A_L − Y)², and from the output back, δ_l = dC/dZ_l = dC/dA_l ⊙ f_l′(Z_l),
 * dC/dW_l = δ_l·A_{l−1}ᵀ, dC/db_l = δ_l·1, dC/dA_{l−1} = W_lᵀ·δ_l (the seed's `backward_prop`).
 */
import { Matrix as MlMatrix } from "ml-matrix";
import type { LayerParams, Matrix, NetworkSpec, Params } from "../network/types.ts";
import { forwardColumns } from "./forward.ts";

/** The batch cost C = (1/n) Σ_samples Σ_outputs (a_L − y)² and its gradients dC/dW_l, dC/db_l (means over the batch), shaped like `params`. */
export function gradients(
  network: NetworkSpec,
  params: Params,
  inputs: Matrix,
  targets: Matrix,
): { cost: number; grads: LayerParams[] } {
  const n = inputs.length;
  const { x, layers } = forwardColumns(network, params, inputs);
  const aL = layers[layers.length - 1]!.a;
  const y = new MlMatrix(targets).transpose();

  // C = (1/n) Σ (A_L − Y)²
  const error = MlMatrix.sub(aL, y);
  let sumOfSquares = 0;
  for (let sample = 0; sample < n; sample++) {
    for (let unit = 0; unit < error.rows; unit++) {
      const e = error.get(unit, sample);
      sumOfSquares += e * e;
    }
  }
  const cost = sumOfSquares / n;
  // dC/dA_L = (2/n)(A_L − Y): the seed's dC_dA2 = 2*A2 − 2*Y, averaged over the batch
  let dC_dA = MlMatrix.mul(error, 2 / n);

  const grads: LayerParams[] = new Array<LayerParams>(params.length);
  for (let l = params.length - 1; l >= 0; l--) {
    const { dA_dZ } = layers[l]!;
    const aPrev = l > 0 ? layers[l - 1]!.a : x;
    // δ_l = dC/dZ_l = dC/dA_l ⊙ dA_l/dZ_l
    const delta = MlMatrix.mul(dC_dA, dA_dZ);
    // dC/dW_l = δ_l·A_{l−1}ᵀ  (dZ_l/dW_l = A_{l−1}; the product sums over the samples)
    const dC_dW = delta.mmul(aPrev.transpose());
    // dC/db_l = Σ_samples δ_l  (dZ_l/db_l = 1)
    const dC_db = delta.sum("row");
    // dC/dA_{l−1} = W_lᵀ·δ_l  (dZ_l/dA_{l−1} = W_l); not needed below the first layer
    if (l > 0) dC_dA = new MlMatrix(params[l]!.W).transpose().mmul(delta);
    grads[l] = { W: dC_dW.to2DArray(), b: dC_db };
  }
  return { cost, grads };
}
