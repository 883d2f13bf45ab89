/**
 * Deliberately wrong implementations for the diagnosis tests: one small float64 backprop (plain loops, sharing no
 * code with src/reference) with a switch per bug, each written where that bug would really sit.
 */
import type { GradientsRequest, GradientsResult } from "../../src/implementation.ts";
import type { Activation } from "../../src/network/types.ts";

export type Bug =
  | "none"
  | "half-cost" // the ½(a − y)² convention: dC/dA = (a − y)/n, cost halved too
  | "double-two" // dC/dA = 2·2(a − y)/n
  | "sign" // dC/dA = 2(y − a)/n
  | "batch-sum" // no 1/n anywhere
  | "bias-batch-sum" // weights averaged, biases summed
  | "double-average" // grads divided by n twice
  | "relu-at-zero-one" // ReLU′ = z ≥ 0
  | "relu-mask-inverted" // ReLU′ = z ≤ 0
  | "relu-mask-missing" // ReLU′ ≡ 1
  | "missing-output-derivative" // δ_L = dC/dA_L (no f′ at the output layer)
  | "missing-tanh-derivative" // δ = dC/dA in the tanh layer
  | "transposed-W1" // dC/dW1 = a·δᵀ
  | "broadcast-rows" // the seed's bug: δ1 summed over units before the outer product, broadcast over rows
  | "typo"; // dC/dW1[1][2] uses a[1] instead of a[2]

const f = (name: Activation, z: number): number =>
  name === "relu" ? (z > 0 ? z : 0) : name === "logistic" ? 1 / (1 + Math.exp(-z)) : name === "tanh" ? Math.tanh(z) : z;

function df(name: Activation, z: number, bug: Bug): number {
  if (name === "relu") {
    if (bug === "relu-at-zero-one") return z >= 0 ? 1 : 0;
    if (bug === "relu-mask-inverted") return z <= 0 ? 1 : 0;
    if (bug === "relu-mask-missing") return 1;
    return z > 0 ? 1 : 0;
  }
  if (name === "logistic") return f("logistic", z) * (1 - f("logistic", z));
  if (name === "tanh") return bug === "missing-tanh-derivative" ? 1 : 1 - Math.tanh(z) ** 2;
  return 1;
}

export function buggyGradients({ network, params, inputs, targets }: GradientsRequest, bug: Bug): GradientsResult {
  const n = inputs.length;
  const per = bug === "batch-sum" || bug === "bias-batch-sum" ? 1 : 1 / n;
  const last = params.length - 1;
  const gW = params.map(({ W }) => W.map((row) => row.map(() => 0)));
  const gb = params.map(({ b }) => b.map(() => 0));
  let cost = 0;
  inputs.forEach((x, s) => {
    const as: number[][] = [x as number[]], zs: number[][] = [];
    params.forEach(({ W, b }, l) => {
      const z = W.map((row, i) => row.reduce((acc, w, j) => acc + w * as[l]![j]!, b[i]!));
      zs.push(z);
      as.push(z.map((v) => f(network.activations[l]!, v)));
    });
    let dA = as[last + 1]!.map((a, k) => {
      const e = a - targets[s]![k]!;
      cost += (bug === "half-cost" ? 0.5 : 1) * e * e * (bug === "batch-sum" ? 1 : 1 / n);
      const two = bug === "half-cost" ? 1 : bug === "double-two" ? 4 : 2;
      return (bug === "sign" ? -two : two) * e * per;
    });
    for (let l = last; l >= 0; l--) {
      const act = network.activations[l]!;
      const noDerivative = bug === "missing-output-derivative" && l === last;
      const delta = dA.map((d, i) => d * (noDerivative ? 1 : df(act, zs[l]![i]!, bug)));
      const a = as[l]!;
      if (bug === "broadcast-rows" && l === 0) {
        const summed = delta.reduce((t, d) => t + d, 0); // dC_dA1 @ dA1_dZ1: a (1×k)@(k×1) product
        gW[0]!.forEach((row) => row.forEach((_, j) => (row[j]! += summed * a[j]!)));
        gb[0]!.forEach((_, i) => (gb[0]![i]! += summed));
      } else {
        gW[l]!.forEach((row, i) => row.forEach((_, j) => (row[j]! += delta[i]! * a[bug === "typo" && l === 0 && i === 1 && j === 2 ? 1 : j]!)));
        gb[l]!.forEach((_, i) => (gb[l]![i]! += delta[i]!));
      }
      const W = params[l]!.W;
      dA = W[0]!.map((_, j) => W.reduce((t, row, i) => t + row[j]! * delta[i]!, 0));
    }
  });
  const scale = (v: number, kind: "W" | "b") =>
    bug === "double-average" ? v / n : bug === "bias-batch-sum" && kind === "W" ? v / n : v;
  const grads = params.map((_, l) => ({ W: gW[l]!.map((row) => row.map((v) => scale(v, "W"))), b: gb[l]!.map((v) => scale(v, "b")) }));
  if (bug === "transposed-W1") grads[0] = { ...grads[0]!, W: grads[0]!.W[0]!.map((_, j) => grads[0]!.W.map((row) => row[j]!)) };
  return { cost, grads };
}
