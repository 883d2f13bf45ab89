import { describe, expect, it } from "vitest";
import { wireParams } from "../../src/protocol/wireParams.ts";

describe("wireParams", () => {
  const base = { params: [{ W: [[1]], b: [0], extra: 1 }], inputs: [[1]], targets: [[0]], expected: "never sent" };
  it("sends the network's reduction when it has one, and leaves it out for the mean (as protocol v1 always has)", () => {
    const sum = wireParams("gradients", { ...base, network: { layers: [1, 1], activations: ["identity"], cost: "squared_error", reduction: "sum", note: "x" } });
    expect(sum).toEqual({ network: { layers: [1, 1], activations: ["identity"], cost: "squared_error", reduction: "sum" }, params: [{ W: [[1]], b: [0] }], inputs: [[1]], targets: [[0]] });
    const mean = wireParams("forward", { ...base, network: { layers: [1, 1], activations: ["identity"], cost: "cross_entropy" } });
    expect(mean).toEqual({ network: { layers: [1, 1], activations: ["identity"], cost: "cross_entropy" }, params: [{ W: [[1]], b: [0] }], inputs: [[1]] });
  });

  it("sends optimizer and state only when the request has an optimizer (a plain step is protocol v1 as it was)", () => {
    const network = { layers: [1, 1], activations: ["identity"], cost: "squared_error" };
    const plain = wireParams("step", { ...base, network, learningRate: 0.1, state: { momentumBuffer: null } });
    expect(Object.keys(plain)).toEqual(["network", "params", "inputs", "targets", "learningRate"]);
    const optimizer = { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 };
    const state = { step: 3, m: [{ W: [[0.1]], b: [0] }], v: [{ W: [[0.01]], b: [0] }] };
    expect(wireParams("train", { ...base, network, learningRate: 0.1, order: [0], optimizer, state })).toMatchObject({ order: [0], optimizer, state });
    expect("state" in wireParams("step", { ...base, network, learningRate: 0.1, optimizer })).toBe(false);
  });
});
