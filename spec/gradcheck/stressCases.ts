/**
 * Seeded random cases for the verdict engine's own tests, with the stresses a tolerance must survive:
 * ReLU units driven onto their kink (b = −W·x in float64), targets equal to the float64 outputs (a − y cancels
 * to rounding level), large weights (saturated σ and tanh, big terms cancelling in z), and plain cases.
 */
import { randomCase, type RandomCase } from "../../src/cases/index.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import type { Rng } from "../../src/random/rng.ts";
import { forward } from "../../src/reference/index.ts";

export const STRESS_SHAPES: readonly NetworkSpec[] = [
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [2, 5, 1], activations: ["tanh", "logistic"], cost: "squared_error" },
  { layers: [4, 3, 2], activations: ["logistic", "identity"], cost: "squared_error" },
  { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" },
  { layers: [2, 3, 2], activations: ["relu", "relu"], cost: "squared_error" },
];

export type Stress = "plain" | "kink" | "cancelling-targets" | "large-weights";
export const STRESSES: readonly Stress[] = ["plain", "kink", "cancelling-targets", "large-weights"];

/** Case number k of a sweep: shape and stress cycle with k, the numbers come from `rng`. */
export function stressCase(rng: Rng, k: number): { readonly c: RandomCase; readonly stress: Stress } {
  const network = STRESS_SHAPES[k % STRESS_SHAPES.length]!;
  const stress = STRESSES[Math.floor(k / STRESS_SHAPES.length) % STRESSES.length]!;
  const base = randomCase(rng, network, 1 + rng.int(3), { paramRange: [-2, 2], inputRange: [0, 1], reluMargin: 0 });
  const params = base.params.map(({ W, b }) => ({ W: W.map((r) => [...r]), b: [...b] }));
  let targets = base.targets;
  if (stress === "kink") {
    params.forEach((layer, l) => {
      if (network.activations[l] !== "relu" || l > 0) return;
      layer.W.forEach((row, i) => {
        if (rng.next() < 0.7) layer.b[i] = -row.reduce((acc, w, j) => acc + w * base.inputs[0]![j]!, 0);
      });
    });
  }
  if (stress === "large-weights") params.forEach((layer) => layer.W.forEach((row) => row.forEach((w, j) => (row[j] = w * 30))));
  if (stress === "cancelling-targets") targets = forward(network, params, base.inputs).at(-1)!.a;
  return { c: { ...base, params, targets }, stress };
}
