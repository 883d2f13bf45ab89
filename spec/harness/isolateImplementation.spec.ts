import { describe, expect, it } from "vitest";
import { isolateImplementation } from "../../src/harness/index.ts";
import type { StepRequest } from "../../src/implementation.ts";
import { RequestTimeoutError } from "../../src/protocol/index.ts";
import { fakeImplementation } from "./fakes.ts";

const request: StepRequest = {
  network: { layers: [1, 1], activations: ["identity"], cost: "squared_error" },
  params: [{ W: [[1]], b: [0] }], inputs: [[1]], targets: [[0]], learningRate: 0.5,
};

describe("isolateImplementation", () => {
  it("hands each call its own copy of the request, so in-place updates do not leak back", async () => {
    const isolated = isolateImplementation(fakeImplementation({
      step: async (r) => {
        (r.params[0]!.W[0] as number[])[0] = 99; // an implementation updating params in place
        return { params: r.params };
      },
    }), 1000);
    const result = await isolated.step(request);
    expect(result.params[0]!.W[0]![0]).toBe(99);
    expect(request.params[0]!.W[0]![0]).toBe(1);
  });

  it("turns typed arrays in answers into plain arrays", async () => {
    const isolated = isolateImplementation(fakeImplementation({
      activation: async ({ x }) => ({ value: Float64Array.from(x) as unknown as number[], derivative: new Float32Array(x.length).fill(1) as unknown as number[] }),
    }), 1000);
    const result = await isolated.activation({ name: "identity", x: [0.5, 2] });
    expect(result).toEqual({ value: [0.5, 2], derivative: [1, 1] });
    expect(Array.isArray(result.value)).toBe(true);
  });

  it("fails a call that does not settle in time as timed out", async () => {
    const isolated = isolateImplementation(fakeImplementation({ activation: () => new Promise(() => {}) }), 40);
    const start = performance.now();
    await expect(isolated.activation({ name: "identity", x: [1] })).rejects.toThrow(new RequestTimeoutError("activation did not settle within 40 ms", 40));
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it("passes errors through unchanged", async () => {
    const error = Object.assign(new Error("no"), { code: "unsupported" });
    const isolated = isolateImplementation(fakeImplementation({ activation: async () => { throw error; } }), 1000);
    await expect(isolated.activation({ name: "identity", x: [1] })).rejects.toBe(error);
  });
});
