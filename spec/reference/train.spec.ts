import { describe, expect, it } from "vitest";
import type { Activation, Cost, NetworkSpec, Params, Reduction } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { gradients, step, train } from "../../src/reference/index.ts";
import { network, randomCase, SEED } from "./helpers.ts";

/**
 * `train` runs its own packed kernel; it must be the fold of `step` over batches of one sample, with the same
 * equations in the same order, so the comparison is exact (bit for bit), including every recorded cost.
 */
describe("train ≡ fold of step over single samples", () => {
  const shapes: [number[], Activation[]][] = [
    [[3, 3, 1], ["relu", "logistic"]],
    [[2, 4, 3, 2], ["tanh", "logistic", "identity"]],
    [[3, 6, 5, 1], ["relu", "tanh", "logistic"]],
    [[4, 2], ["identity"]],
  ];
  shapes.forEach(([layers, activations], c) => {
    it(`agrees exactly for ${layers.join("-")} ${activations.join("/")} (seed ${SEED}, case ${c})`, () => {
      const net = network(layers, activations);
      const rng = createRng(SEED + c);
      const { params, inputs, targets } = randomCase(net, 6, rng);
      const order = Array.from({ length: 60 }, () => rng.int(6));
      const learningRate = 0.2;
      const before = structuredClone(params);

      const trained = train(net, params, inputs, targets, learningRate, order, { recordCosts: true });

      let folded: Params = params;
      const costs: number[] = [];
      for (const sample of order) {
        const one = { inputs: [inputs[sample]!], targets: [targets[sample]!] };
        costs.push(gradients(net, folded, one.inputs, one.targets).cost);
        folded = step(net, folded, one.inputs, one.targets, learningRate);
      }
      expect(trained.params, `final params (seed ${SEED}, case ${c})`).toEqual(folded);
      expect(trained.costs, `costs (seed ${SEED}, case ${c})`).toEqual(costs);
      expect(params, "train must not change its params argument").toEqual(before);
    });
  });

  // Every network of the family, through the kernel where it runs and through the generic loop always: step's fold,
  // bit for bit, with costs, saturating weights and −0 weights on zero inputs included.
  const family: [number[], Activation[], Cost, Reduction | undefined][] = [
    [[4, 5, 3], ["relu", "softmax"], "cross_entropy", undefined],
    [[3, 3, 2], ["silu", "softmax"], "cross_entropy", "sum"],
    [[2, 4, 4, 3], ["softplus", "leaky_relu", "softmax"], "cross_entropy", "mean_all"],
    [[3, 3, 1], ["relu", "logistic"], "binary_cross_entropy", undefined],
    [[3, 4, 3, 2], ["leaky_relu", "softplus", "logistic"], "binary_cross_entropy", "mean_all"],
    [[2, 4, 4, 2], ["leaky_relu", "softplus", "silu"], "half_squared_error", "sum"],
    [[3, 4, 3], ["tanh", "softmax"], "half_squared_error", undefined],
    [[4, 3, 2], ["relu", "logistic"], "squared_error", "mean_all"],
    [[3, 3, 2], ["relu", "softmax"], "squared_error", undefined],
    [[2, 5, 1], ["tanh", "logistic"], "squared_error", undefined],
    [[3, 4, 3, 1], ["relu", "tanh", "logistic"], "squared_error", "sum"],
    [[3, 3, 1], ["relu", "logistic"], "squared_error", undefined],
  ];
  family.forEach(([layers, activations, cost, reduction], c) => {
    it(`agrees exactly for ${layers.join("-")} ${activations.join("/")} ${cost}/${reduction ?? "mean"} (seed ${SEED}, family case ${c})`, () => {
      const net: NetworkSpec = reduction === undefined ? { layers, activations, cost } : { layers, activations, cost, reduction };
      const rng = createRng(SEED + 100 + c);
      const base = randomCase(net, 6, rng);
      const { targets } = base;
      const params = base.params.map(({ W, b }) => ({ W: W.map((row) => [...row]), b: [...b] }));
      const inputs = base.inputs.map((x) => [...x]);
      if (c % 3 === 1) params.forEach(({ W }) => W.forEach((row) => row.forEach((w, j) => (row[j] = 20 * w)))); // saturating
      const order = Array.from({ length: 60 }, () => rng.int(6));
      if (c % 3 === 2) {
        // zero products and the sign of zero: W₁ = −0 and x = 0 first, where −0 − L·(0 + δ·0) stays −0 for every δ
        inputs[0] = inputs[0]!.map(() => 0);
        params[0]!.W.forEach((row) => row.fill(-0));
        order[0] = 0;
      }
      const before = structuredClone(params);
      const trained = train(net, params, inputs, targets, 0.3, order, { recordCosts: true });
      const generic = train(net, params, inputs, targets, 0.3, order, { recordCosts: true, generic: true });
      let folded: Params = params;
      const costs: number[] = [];
      for (const sample of order) {
        costs.push(gradients(net, folded, [inputs[sample]!], [targets[sample]!]).cost);
        folded = step(net, folded, [inputs[sample]!], [targets[sample]!], 0.3);
      }
      expect(trained.params, `final params (seed ${SEED}, family case ${c})`).toEqual(folded);
      expect(trained.costs, `costs (seed ${SEED}, family case ${c})`).toEqual(costs);
      expect(generic, `the generic loop (seed ${SEED}, family case ${c})`).toEqual(trained);
      expect(params, "train must not change its params argument").toEqual(before);
    });
  });

  it("rejects an order that is not sample indices, naming the entry, on the kernel's networks and the others alike", () => {
    for (const net of [network([2, 1], ["logistic"]), { layers: [2, 1], activations: ["logistic"], cost: "binary_cross_entropy" } as NetworkSpec]) {
      const { params, inputs, targets } = randomCase(net, 2, createRng(SEED));
      expect(() => train(net, params, inputs, targets, 0.1, [0, 2])).toThrow("train: order[1] is 2, expected an integer in [0, 2) (a sample index)");
    }
  });

  it("returns costs only when asked, and the params unchanged for an empty order", () => {
    const net = network([2, 2, 1], ["relu", "logistic"]);
    const { params, inputs, targets } = randomCase(net, 2, createRng(SEED));
    expect(train(net, params, inputs, targets, 0.1, [1, 0]).costs).toBeUndefined();
    expect(train(net, params, inputs, targets, 0.1, [], { recordCosts: true })).toEqual({ params, costs: [] });
  });

  it(`lowers the cost of the seed task over 20,000 steps (seed ${SEED})`, () => {
    const net = network([3, 3, 1], ["relu", "logistic"]);
    const rng = createRng(SEED);
    const { params } = randomCase(net, 1, rng);
    const inputs = Array.from({ length: 200 }, () => [rng.next(), rng.next(), rng.next()]);
    const targets = inputs.map(([r, g, b]) => [0.299 * r! + 0.587 * g! + 0.114 * b! > 0.5 ? 1 : 0]);
    const order = Array.from({ length: 20_000 }, () => rng.int(200));
    const { params: trained } = train(net, params, inputs, targets, 0.05, order);
    expect(gradients(net, trained, inputs, targets).cost).toBeLessThan(0.5 * gradients(net, params, inputs, targets).cost);
  });
});
