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
});
