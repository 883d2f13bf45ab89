/**
 * Seeded random cases for the verdict engine's own tests, with the stresses a tolerance must survive:
 * ReLU units driven onto their kink (b = −W·x in float64), targets equal to the float64 outputs (a − y cancels
 * to rounding level), large weights (saturated σ and tanh, big terms cancelling in z), and plain cases.
 */
import { randomCase, type RandomCase } from "../../src/cases/index.ts";
import { isKinked } from "../../src/family/index.ts";
import { REDUCTIONS, type NetworkSpec, type Reduction } from "../../src/network/types.ts";
import type { Rng } from "../../src/random/rng.ts";
import { forward } from "../../src/reference/index.ts";

/** The seed's family: the squared error, the mean. */
export const STRESS_SHAPES: readonly NetworkSpec[] = [
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [2, 5, 1], activations: ["tanh", "logistic"], cost: "squared_error" },
  { layers: [4, 3, 2], activations: ["logistic", "identity"], cost: "squared_error" },
  { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" },
  { layers: [2, 3, 2], activations: ["relu", "relu"], cost: "squared_error" },
];

/** Shapes of each cost the family added, every activation among them; their reductions cycle with the case number. */
export const FAMILY_STRESS_SHAPES: Readonly<Record<"half_squared_error" | "binary_cross_entropy" | "cross_entropy", readonly NetworkSpec[]>> = {
  half_squared_error: [
    { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "half_squared_error" },
    { layers: [2, 4, 4, 2], activations: ["leaky_relu", "softplus", "silu"], cost: "half_squared_error" },
    { layers: [3, 4, 3], activations: ["tanh", "softmax"], cost: "half_squared_error" },
    { layers: [4, 3, 2], activations: ["silu", "identity"], cost: "half_squared_error" },
  ],
  binary_cross_entropy: [
    { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "binary_cross_entropy" },
    { layers: [2, 5, 3], activations: ["tanh", "logistic"], cost: "binary_cross_entropy" },
    { layers: [3, 4, 3, 2], activations: ["leaky_relu", "softplus", "logistic"], cost: "binary_cross_entropy" },
  ],
  cross_entropy: [
    { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" },
    { layers: [3, 3, 2], activations: ["silu", "softmax"], cost: "cross_entropy" },
    { layers: [2, 4, 4, 3], activations: ["softplus", "leaky_relu", "softmax"], cost: "cross_entropy" },
  ],
};

export type Stress = "plain" | "kink" | "cancelling-targets" | "large-weights";
export const STRESSES: readonly Stress[] = ["plain", "kink", "cancelling-targets", "large-weights"];

/**
 * Case number k of a sweep over `shapes` (default the seed's): shape, stress and — for the family's shapes — the
 * reduction cycle with k, the numbers come from `rng`. Cancelling targets are the float64 outputs themselves (for
 * cross-entropy a probability vector too, so δ = a·Σy − y cancels to rounding level).
 */
export function stressCase(rng: Rng, k: number, shapes: readonly NetworkSpec[] = STRESS_SHAPES): { readonly c: RandomCase; readonly stress: Stress } {
  const base0 = shapes[k % shapes.length]!;
  const network: NetworkSpec = shapes === STRESS_SHAPES ? base0 : withReduction(base0, REDUCTIONS[Math.floor(k / shapes.length) % REDUCTIONS.length]!);
  const stress = STRESSES[Math.floor(k / shapes.length) % STRESSES.length]!;
  const base = randomCase(rng, network, 1 + rng.int(3), { paramRange: [-2, 2], inputRange: [0, 1], reluMargin: 0 });
  const params = base.params.map(({ W, b }) => ({ W: W.map((r) => [...r]), b: [...b] }));
  let targets = base.targets;
  if (stress === "kink") {
    params.forEach((layer, l) => {
      if (!isKinked(network.activations[l]!) || l > 0) return;
      layer.W.forEach((row, i) => {
        if (rng.next() < 0.7) layer.b[i] = -row.reduce((acc, w, j) => acc + w * base.inputs[0]![j]!, 0);
      });
    });
  }
  if (stress === "large-weights") params.forEach((layer) => layer.W.forEach((row) => row.forEach((w, j) => (row[j] = w * 30))));
  if (stress === "cancelling-targets") targets = forward(network, params, base.inputs).at(-1)!.a;
  return { c: { ...base, params, targets }, stress };
}

function withReduction(network: NetworkSpec, reduction: Reduction): NetworkSpec {
  return reduction === "mean" ? network : { ...network, reduction };
}
