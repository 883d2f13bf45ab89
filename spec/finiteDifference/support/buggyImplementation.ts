/**
 * Deliberately wrong implementations for the finite-difference specs: a plain-loop backpropagation (forward pass
 * from the reference, so the cost is right) with one bug switched on — every gradient ×2, the logistic derivative
 * left out, the error's sign flipped, or only one entry off by a relative `epsilon`.
 */
import type { Implementation } from "../../../src/implementation.ts";
import type { LayerParams } from "../../../src/network/types.ts";
import { activationDerivative, forward, reference } from "../../../src/reference/index.ts";

export type Bug = "times-2" | "missing-logistic-derivative" | "sign-flip" | { readonly entry: "W1[0][0]"; readonly epsilon: number };

export function buggyImplementation(bug: Bug): Implementation {
  return {
    ...reference,
    hello: async () => ({ ...(await reference.hello()), name: `buggy (${typeof bug === "string" ? bug : `${bug.entry} × (1 + ${bug.epsilon})`})` }),
    gradients: async ({ network, params, inputs, targets }) => {
      const layers = forward(network, params, inputs);
      const n = inputs.length;
      const out = layers.at(-1)!.a;
      let cost = 0;
      out.forEach((as, s) => as.forEach((a, k) => (cost += (a - targets[s]![k]!) ** 2 / n)));
      const grads = params.map(({ W, b }) => ({ W: W.map((row) => row.map(() => 0)), b: b.map(() => 0) }));
      inputs.forEach((x, s) => {
        let dA = out[s]!.map((a, k) => ((bug === "sign-flip" ? -2 : 2) * (a - targets[s]![k]!)) / n);
        for (let l = params.length - 1; l >= 0; l--) {
          const f = network.activations[l]!;
          const skip = bug === "missing-logistic-derivative" && f === "logistic";
          const delta = dA.map((d, i) => d * (skip ? 1 : activationDerivative(f, layers[l]!.z[s]![i]!)));
          const aPrev = l === 0 ? x : layers[l - 1]!.a[s]!;
          const g = grads[l]!;
          delta.forEach((d, i) => {
            g.b[i] = g.b[i]! + d;
            aPrev.forEach((a, j) => (g.W[i]![j] = g.W[i]![j]! + d * a));
          });
          dA = aPrev.map((_, j) => delta.reduce((sum, d, i) => sum + params[l]!.W[i]![j]! * d, 0));
        }
      });
      const factor = bug === "times-2" ? 2 : 1;
      const result: LayerParams[] = grads.map(({ W, b }) => ({ W: W.map((row) => row.map((g) => g * factor)), b: b.map((g) => g * factor) }));
      if (typeof bug === "object") (result[0]!.W[0] as number[])[0] = result[0]!.W[0]![0]! * (1 + bug.epsilon);
      return { cost, grads: result };
    },
  };
}
