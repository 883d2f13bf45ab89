/**
 * The shape-specialised SGD kernel (src/reference/sgdKernel.ts) gives exactly the generic loop's bits — trained
 * params (−0 included) and every recorded cost — on every activation and several shapes, kinks included; and it
 * steps aside (the generic loop runs) for whatever it is not written for.
 */
import { describe, expect, it } from "vitest";
import type { Activation, NetworkSpec, Params } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { train } from "../../src/reference/index.ts";
import { MAX_SPECIALISED_PARAMS, sgdKernelFor } from "../../src/reference/sgdKernel.ts";
import { network, randomCase, SEED } from "./helpers.ts";

function expectSameBits(actual: Params, expected: Params, label: string): void {
  actual.forEach(({ W, b }, l) => {
    W.forEach((row, i) => row.forEach((w, j) => expect(Object.is(w, expected[l]!.W[i]![j]), `${label}: W${l + 1}[${i}][${j}] = ${w} vs ${expected[l]!.W[i]![j]}`).toBe(true)));
    b.forEach((v, i) => expect(Object.is(v, expected[l]!.b[i]), `${label}: b${l + 1}[${i}] = ${v} vs ${expected[l]!.b[i]}`).toBe(true));
  });
}

describe("sgdKernel: bit for bit the generic loop", () => {
  const shapes: [number[], Activation[]][] = [
    [[3, 3, 1], ["relu", "logistic"]],
    [[2, 5, 1], ["tanh", "identity"]],
    [[4, 3, 2], ["logistic", "relu"]],
    [[3, 4, 3, 1], ["relu", "tanh", "logistic"]],
    [[1, 1], ["identity"]],
  ];
  shapes.forEach(([layers, activations], c) => {
    it(`${layers.join("-")} ${activations.join("/")}: same params and costs after 2,000 steps (seed ${SEED}, case ${c})`, () => {
      const net = network(layers, activations);
      expect(sgdKernelFor(net)).toBeTypeOf("function");
      const rng = createRng(SEED + 100 + c);
      const { params, inputs, targets } = randomCase(net, 20, rng);
      const order = Array.from({ length: 2000 }, () => rng.int(20));
      const fast = train(net, params, inputs, targets, 0.1, order, { recordCosts: true });
      const generic = train(net, params, inputs, targets, 0.1, order, { recordCosts: true, generic: true });
      expectSameBits(fast.params, generic.params, `seed ${SEED}, case ${c}`);
      expect(fast.costs!.every((cost, k) => Object.is(cost, generic.costs![k]))).toBe(true);
    });
  });

  it("on kinks and zeros: zero weights, zero and negative-zero inputs (relu at 0, −0 kept)", () => {
    const net = network([2, 2, 1], ["relu", "relu"]);
    const params: Params = [{ W: [[0, -0], [1, -1]], b: [0, -0] }, { W: [[-0, 1]], b: [0] }];
    const inputs = [[0, -0], [-0, 0], [1, 1], [0.5, -0.5]];
    const targets = [[0], [-0], [1], [0]];
    const order = [0, 1, 2, 3, 1, 0, 2, 2, 3];
    expectSameBits(train(net, params, inputs, targets, 0.5, order).params, train(net, params, inputs, targets, 0.5, order, { generic: true }).params, "kinks");
  });

  it("the seed network at the seed's length (100,000 steps): the same bits", () => {
    const net = network([3, 3, 1], ["relu", "logistic"]);
    const rng = createRng(SEED);
    const { params, inputs, targets } = randomCase(net, 100, rng);
    const order = Array.from({ length: 100_000 }, () => rng.int(100));
    expectSameBits(train(net, params, inputs, targets, 0.05, order).params, train(net, params, inputs, targets, 0.05, order, { generic: true }).params, "100,000 steps");
  });
});

describe("sgdKernel: the generic loop runs for what the kernel is not written for", () => {
  const net = network([3, 3, 1], ["relu", "logistic"]);
  it.each([
    ["another cost", { ...net, cost: "half_squared_error" }],
    ["a network field it does not know", { ...net, reduction: "sum" }],
    ["an activation not in the table (or not elementwise)", { ...net, activations: ["relu", "softmax"] }],
    [`more than ${MAX_SPECIALISED_PARAMS} parameters`, network([30, 30, 1], ["relu", "logistic"])],
  ])("%s", (_, spec) => {
    expect(sgdKernelFor(spec as unknown as NetworkSpec)).toBeUndefined();
  });

  it("one kernel per shape, made once", () => {
    expect(sgdKernelFor({ ...net })).toBe(sgdKernelFor(net));
    expect(sgdKernelFor(network([3, 3, 1], ["relu", "tanh"]))).not.toBe(sgdKernelFor(net));
  });

  it("a sample index out of range still fails as before (the generic loop's error), not as silent NaN", () => {
    expect(() => train(net, [{ W: [[1, 1, 1], [1, 1, 1], [1, 1, 1]], b: [0, 0, 0] }, { W: [[1, 1, 1]], b: [0] }], [[1, 2, 3]], [[1]], 0.1, [0, 1])).toThrow();
  });
});
