import { describe, expect, it } from "vitest";
import { seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { gradients, step } from "../../src/reference/index.ts";
import { expectRelClose, network, randomCase, SEED } from "./helpers.ts";
import { pink, seedExampleExact, seedExampleLearningRate, seedExampleParams, seedExampleX } from "./seedExample.ts";

/** Bound: θ ≈ 0.03–0.96 moves by L·g ≈ 1e−4 (g good to 1e−14), so the new θ is its own rounding plus ~2^−53: 1e−15 relative. */
const STEP_TOLERANCE = 1e-15;

describe("step on the seed's worked example (L = 0.05)", () => {
  for (const [name, inputs, targets, exact] of [
    ["X with Y = 1", [seedExampleX], [[1]], seedExampleExact.single],
    ["the batch [X, pink] with Y = [1, 0]", [seedExampleX, pink], [[1], [0]], seedExampleExact.batch],
  ] as const) {
    it(`matches the exact new W1, B1, W2, B2 for ${name}`, () => {
      const [hidden, output] = step(seedNetwork, seedExampleParams, inputs, targets, seedExampleLearningRate);
      exact.step.W1.forEach((row, i) => row.forEach((w, j) => expectRelClose(hidden!.W[i]![j]!, w, STEP_TOLERANCE, `W1[${i}][${j}]`)));
      exact.step.b1.forEach((b, i) => expectRelClose(hidden!.b[i]!, b, STEP_TOLERANCE, `B1[${i}]`));
      exact.step.W2[0]!.forEach((w, j) => expectRelClose(output!.W[0]![j]!, w, STEP_TOLERANCE, `W2[0][${j}]`));
      expectRelClose(output!.b[0]!, exact.step.b2[0]!, STEP_TOLERANCE, "B2[0]");
    });
  }
});

describe("step", () => {
  it(`is θ − L·∇C(θ) entry by entry and leaves its arguments alone (seed ${SEED})`, () => {
    const net = network([3, 4, 2], ["tanh", "logistic"]);
    const { params, inputs, targets } = randomCase(net, 3, createRng(SEED));
    const before = structuredClone(params);
    const { grads } = gradients(net, params, inputs, targets);
    const next = step(net, params, inputs, targets, 0.3);
    expect(params).toEqual(before);
    params.forEach(({ W, b }, l) => {
      W.forEach((row, i) => row.forEach((w, j) => expect(next[l]!.W[i]![j]!).toBe(w - 0.3 * grads[l]!.W[i]![j]!)));
      b.forEach((v, i) => expect(next[l]!.b[i]!).toBe(v - 0.3 * grads[l]!.b[i]!));
    });
  });

  it(`lowers the cost for a small learning rate (seed ${SEED})`, () => {
    const net = network([2, 5, 1], ["relu", "logistic"]);
    const { params, inputs, targets } = randomCase(net, 8, createRng(SEED));
    const next = step(net, params, inputs, targets, 1e-3);
    expect(gradients(net, next, inputs, targets).cost).toBeLessThan(gradients(net, params, inputs, targets).cost);
  });
});
