import { describe, expect, it } from "vitest";
import type { Activation, Matrix, NetworkSpec, Params } from "../../src/network/types.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { forward, gradients } from "../../src/reference/index.ts";
import { expectRelClose, network, parameterAt, parameterPositions, randomCase, SEED, withParameter } from "./helpers.ts";
import { pink, seedExampleExact, seedExampleParams, seedExampleX } from "./seedExample.ts";

/**
 * Bound for the worked example: inputs and arithmetic contribute a few 2^−53, but a − y cancels: with y = 1 and
 * a ≈ 0.954 the error of a is amplified |a|/|a − y| ≈ 21× (twice that in the cost (a − y)²), so 1e−14 relative.
 */
const GRADIENT_TOLERANCE = 1e-14;

describe("gradients on the seed's worked example", () => {
  for (const [name, inputs, targets, exact] of [
    ["X with Y = 1", [seedExampleX], [[1]], seedExampleExact.single],
    ["the batch [X, pink] with Y = [1, 0] (means over the batch)", [seedExampleX, pink], [[1], [0]], seedExampleExact.batch],
  ] as const) {
    it(`matches the exact cost, dC/dW1, dC/dB1, dC/dW2, dC/dB2 for ${name}`, () => {
      const { cost, grads } = gradients(seedNetwork, seedExampleParams, inputs, targets);
      expectRelClose(cost, exact.cost, GRADIENT_TOLERANCE, "cost");
      exact.dW1.forEach((row, i) => row.forEach((g, j) => expectRelClose(grads[0]!.W[i]![j]!, g, GRADIENT_TOLERANCE, `dC/dW1[${i}][${j}]`)));
      exact.db1.forEach((g, i) => expectRelClose(grads[0]!.b[i]!, g, GRADIENT_TOLERANCE, `dC/dB1[${i}]`));
      exact.dW2[0]!.forEach((g, j) => expectRelClose(grads[1]!.W[0]![j]!, g, GRADIENT_TOLERANCE, `dC/dW2[0][${j}]`));
      expectRelClose(grads[1]!.b[0]!, exact.db2[0]!, GRADIENT_TOLERANCE, "dC/dB2[0]");
    });
  }
});

/** C(θ) recomputed from `forward`'s outputs: (1/n) Σ_samples Σ_outputs (a − y)². */
function cost(net: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix): number {
  const aL = forward(net, params, inputs).at(-1)!.a;
  return aL.reduce((sum, a, k) => sum + a.reduce((s, v, i) => s + (v - targets[k]![i]!) ** 2, 0), 0) / inputs.length;
}

/** The smallest |z| of any ReLU layer: a central difference is only valid when no z crosses 0 within the step. */
function closestReluKink(net: NetworkSpec, params: Params, inputs: Matrix): number {
  const layers = forward(net, params, inputs);
  return Math.min(Infinity, ...layers.flatMap(({ z }, l) => (net.activations[l] === "relu" ? z.flat().map(Math.abs) : [])));
}

/**
 * Central differences (C(θ + h) − C(θ − h)) / 2h with h = 1e−5: truncation error ~h²·C‴ ≈ 1e−10 and rounding
 * ~2^−53·C/h ≈ 1e−11, so the reference gradient must agree to 1e−6 relative, or 1e−9 absolute for gradients near 0.
 */
const H = 1e-5;
const FD_RELATIVE = 1e-6;
const FD_ABSOLUTE = 1e-9;

describe("gradients against central finite differences of the cost", () => {
  const shapes: [number[], Activation[], number][] = [
    [[3, 3, 1], ["relu", "logistic"], 1],
    [[3, 3, 1], ["relu", "logistic"], 5],
    [[2, 4, 3, 2], ["tanh", "logistic", "identity"], 3],
    [[4, 5, 2], ["identity", "tanh"], 2],
    [[3, 6, 5, 1], ["relu", "tanh", "logistic"], 4],
    [[1, 2, 2, 2, 3], ["logistic", "relu", "tanh", "logistic"], 2],
  ];
  shapes.forEach(([layers, activations, n], c) => {
    it(`agrees for ${layers.join("-")} ${activations.join("/")}, batch of ${n} (seed ${SEED}, case ${c})`, () => {
      const net = network(layers, activations);
      const rng = createRng(SEED + c);
      let example = randomCase(net, n, rng);
      while (closestReluKink(net, example.params, example.inputs) < 1e-3) example = randomCase(net, n, rng);
      const { params, inputs, targets } = example;

      const { grads } = gradients(net, params, inputs, targets);
      for (const at of parameterPositions(params)) {
        const theta = parameterAt(params, at);
        const plus = cost(net, withParameter(params, at, theta + H), inputs, targets);
        const minus = cost(net, withParameter(params, at, theta - H), inputs, targets);
        const estimate = (plus - minus) / (2 * H);
        const analytic = at.kind === "W" ? grads[at.l]!.W[at.i]![at.j]! : grads[at.l]!.b[at.i]!;
        const tolerance = FD_RELATIVE * Math.abs(estimate) + FD_ABSOLUTE;
        expect(
          Math.abs(analytic - estimate) <= tolerance,
          `dC/d${at.name}: finite difference ${estimate}, gradients ${analytic}, tolerance ${tolerance} (seed ${SEED}, case ${c})`,
        ).toBe(true);
      }
    });
  });

  it("returns grads shaped like the params, and the cost of forward's outputs", () => {
    const net = network([4, 2, 3], ["tanh", "identity"]);
    const { params, inputs, targets } = randomCase(net, 3, createRng(SEED));
    const { cost: c, grads } = gradients(net, params, inputs, targets);
    expect(grads.map(({ W, b }) => [W.length, W[0]!.length, b.length])).toEqual([[2, 4, 2], [3, 2, 3]]);
    expect(c).toBeCloseTo(cost(net, params, inputs, targets), 14);
  });
});
