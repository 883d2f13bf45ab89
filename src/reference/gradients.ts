/**
 * Cost and gradients of a batch by backpropagation, in the seed's matrix form (columns = samples):
 * C = w·Σ_samples c_s (the cost table's c_s; w = 1/n for the mean), and from the output back, δ_L = dC/dZ_L from
 * the cost table (the chain rule w·dc/da through f_L, or its stable form δ = w(a − y) for cross-entropies),
 * δ_l = dC/dA_l ⊙ f_l′(Z_l), dC/dW_l = δ_l·A_{l−1}ᵀ, dC/db_l = δ_l·1, dC/dA_{l−1} = W_lᵀ·δ_l (the seed's `backward_prop`).
 */
import { Matrix as MlMatrix } from "ml-matrix";
import { COST_TABLE, reductionWeight } from "../family/costs.ts";
import type { LayerParams, Matrix, NetworkSpec, Params } from "../network/types.ts";
import { forwardColumns } from "./forward.ts";

/** The batch cost C = w·Σ_samples c_s and its gradients dC/dW_l, dC/db_l, shaped like `params`. */
export function gradients(
  network: NetworkSpec,
  params: Params,
  inputs: Matrix,
  targets: Matrix,
): { cost: number; grads: LayerParams[] } {
  const n = inputs.length;
  const { x, layers } = forwardColumns(network, params, inputs);
  const L = layers.length - 1;
  const output = layers[L]!;
  const K = output.a.rows;
  const c = COST_TABLE[network.cost];
  const w = reductionWeight(network.reduction, n, K);
  const f = network.activations[L]!;

  // C = w·Σ_s c_s, summed over the samples first and then weighted (for the mean: a sum divided by n)
  let sum = 0;
  const deltaL = MlMatrix.zeros(K, n);
  for (let s = 0; s < n; s++) {
    const z = output.z.getColumn(s), a = output.a.getColumn(s), y = targets[s]!;
    sum += c.value(z, a, y);
    // δ_L = dC/dZ_L for this sample: for the mean squared error the seed's dC_dA2 = 2*A2 − 2*Y, over n, ⊙ f′(Z2)
    deltaL.setColumn(s, c.delta(f, z, a, y, w));
  }
  const cost = network.reduction === "sum" ? sum : sum / (network.reduction === "mean_all" ? n * K : n);

  const grads: LayerParams[] = new Array<LayerParams>(params.length);
  let dC_dA: MlMatrix | undefined;
  for (let l = L; l >= 0; l--) {
    const { dA_dZ } = layers[l]!;
    const aPrev = l > 0 ? layers[l - 1]!.a : x;
    // δ_l = dC/dZ_l = dC/dA_l ⊙ dA_l/dZ_l (hidden layers are elementwise: softmax is only ever the output layer)
    const delta = l === L ? deltaL : MlMatrix.mul(dC_dA!, dA_dZ!);
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
