/**
 * The batch forward pass, in the seed's matrix form: columns are samples, so for layer l
 * Z_l = W_l·A_{l−1} + B_l and A_l = f_l(Z_l), with A_0 = X (the seed's `forward_prop`).
 */
import { Matrix as MlMatrix } from "ml-matrix";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import type { LayerValues, Matrix, NetworkSpec, Params } from "../network/types.ts";

/** One layer of the batch forward pass, rows = units and columns = samples, with its local derivative. */
export interface LayerColumns {
  /** z_l = W_l·a_{l−1} + b_l */
  readonly z: MlMatrix;
  /** a_l = f_l(z_l) */
  readonly a: MlMatrix;
  /** da_l/dz_l = f_l′(z_l), kept for the backward pass (undefined for softmax, whose backward is a Jacobian product) */
  readonly dA_dZ: MlMatrix | undefined;
}

/** The forward pass in column layout (internal, for `gradients`): x = inputsᵀ (features × samples) and every layer's z, a, f′(z). */
export function forwardColumns(network: NetworkSpec, params: Params, inputs: Matrix): { x: MlMatrix; layers: LayerColumns[] } {
  // X has one column per sample, like the seed's X_sample = X_train[idx].transpose()
  const x = new MlMatrix(inputs).transpose();
  const layers: LayerColumns[] = [];
  let aPrev = x;
  params.forEach(({ W, b }, l) => {
    const f = ACTIVATION_TABLE[network.activations[l]!];
    const z = new MlMatrix(W).mmul(aPrev).addColumnVector(b); // Z1 = W1·X + B1
    let a: MlMatrix, dA_dZ: MlMatrix | undefined;
    if (f.kind === "vector") {
      // softmax: one column (sample) at a time
      a = MlMatrix.zeros(z.rows, z.columns);
      for (let s = 0; s < z.columns; s++) a.setColumn(s, f.value(z.getColumn(s)));
    } else {
      a = mapEntries(z, f.value); //                         A1 = ReLU(Z1)
      dA_dZ = mapEntries(z, f.derivative); //                dA1_dZ1 = d_relu(Z1)
    }
    layers.push({ z, a, dA_dZ });
    aPrev = a;
  });
  return { x, layers };
}

/** The forward pass of a batch: one `{z, a}` per layer after the input, each `[sample][unit]` (z_l = W_l·a_{l−1} + b_l, a_l = f_l(z_l)). */
export function forward(network: NetworkSpec, params: Params, inputs: Matrix): LayerValues[] {
  return forwardColumns(network, params, inputs).layers.map(({ z, a }) => ({
    z: z.transpose().to2DArray(),
    a: a.transpose().to2DArray(),
  }));
}

/** A new matrix with f applied to every entry (numpy's elementwise `relu(Z1)`). */
function mapEntries(m: MlMatrix, f: (v: number) => number): MlMatrix {
  const result = new MlMatrix(m.rows, m.columns);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.columns; j++) result.set(i, j, f(m.get(i, j)));
  }
  return result;
}
