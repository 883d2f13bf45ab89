import { describe, expect, it } from "vitest";
import { isolateImplementation } from "../../src/harness/index.ts";
import type { StepRequest } from "../../src/implementation.ts";
import { RequestTimeoutError } from "../../src/protocol/index.ts";
import { ManualClock, turns } from "../support/manualClock.ts";
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

  it("copies every level of the request (network and batch too), and keeps each answer apart from a buffer the implementation reuses", async () => {
    const buffer = [0, 0];
    const seen: unknown[] = [];
    const isolated = isolateImplementation(fakeImplementation({
      forward: async (r) => {
        seen.push(r);
        (r.network.layers as number[])[0] = 7; // mutating what it was sent, at every level
        (r.inputs[0] as number[])[0] = 7;
        return { layers: [{ z: [buffer], a: [buffer] }] };
      },
      activation: async ({ x }) => {
        buffer[0] = x[0]!; // one output buffer for every call
        return { value: buffer, derivative: buffer };
      },
    }), 1000);
    await isolated.forward(request);
    expect(request.network.layers).toEqual([1, 1]);
    expect(request.inputs).toEqual([[1]]);
    const first = await isolated.activation({ name: "identity", x: [3] });
    await isolated.activation({ name: "identity", x: [5] });
    expect(first.value).toEqual([3, 0]); // not the 5 the reused buffer holds now
    expect(seen[0]).not.toBe(request);
  });

  it("turns typed arrays in answers into plain arrays", async () => {
    const isolated = isolateImplementation(fakeImplementation({
      activation: async ({ x }) => ({ value: Float64Array.from(x) as unknown as number[], derivative: new Float32Array(x.length).fill(1) as unknown as number[] }),
    }), 1000);
    const result = await isolated.activation({ name: "identity", x: [0.5, 2] });
    expect(result).toEqual({ value: [0.5, 2], derivative: [1, 1] });
    expect(Array.isArray(result.value)).toBe(true);
  });

  it("fails a call that does not settle in time as timed out: exactly timeoutMs on the clock", async () => {
    const clock = new ManualClock();
    const isolated = isolateImplementation(fakeImplementation({ activation: () => new Promise(() => {}) }), 40, { clock });
    let settled = false;
    const call = isolated.activation({ name: "identity", x: [1] }).finally(() => (settled = true));
    await turns();
    expect(clock.deadlines).toEqual([40]);
    clock.advance(39);
    await turns();
    expect(settled).toBe(false);
    clock.advance(1);
    await expect(call).rejects.toThrow(new RequestTimeoutError("activation did not settle within 40 ms", 40));
  });

  it("does not blame a call that settled while the event loop was busy past its deadline", async () => {
    const clock = new ManualClock();
    let resolveAnswer!: (r: { value: number[]; derivative: number[] }) => void;
    const isolated = isolateImplementation(fakeImplementation({ activation: () => new Promise((r) => (resolveAnswer = r)) }), 40, { clock });
    const call = isolated.activation({ name: "identity", x: [1] });
    await turns();
    setImmediate(() => resolveAnswer({ value: [1], derivative: [1] })); // settles in the same turn the deadline is judged
    clock.advance(1000);
    expect(await call).toEqual({ value: [1], derivative: [1] });
  });

  it("gives hello its own timeout", async () => {
    const clock = new ManualClock();
    const isolated = isolateImplementation(fakeImplementation({ hello: () => new Promise(() => {}) }), 40, { clock, helloTimeoutMs: 500 });
    const hello = isolated.hello();
    expect(clock.deadlines).toEqual([500]);
    clock.advance(500);
    await expect(hello).rejects.toThrow(new RequestTimeoutError("hello did not settle within 500 ms", 500));
  });

  it("passes errors through unchanged", async () => {
    const error = Object.assign(new Error("no"), { code: "unsupported" });
    const isolated = isolateImplementation(fakeImplementation({ activation: async () => { throw error; } }), 1000);
    await expect(isolated.activation({ name: "identity", x: [1] })).rejects.toBe(error);
  });
});
