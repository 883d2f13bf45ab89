import { describe, expect, it } from "vitest";
import type { ForwardRequest, TrainRequest } from "../../src/implementation.ts";
import { shapeProblems } from "../../src/protocol/shapeProblems.ts";

// A [2, 3, 1] network on 2 samples: z/a of layer 1 are 2 × 3, of layer 2 are 2 × 1; W1 is 3 × 2, W2 is 1 × 3.
const request: TrainRequest = {
  network: { layers: [2, 3, 1], activations: ["tanh", "identity"], cost: "squared_error" },
  params: [{ W: [[1, 2], [3, 4], [5, 6]], b: [0, 0, 0] }, { W: [[1, 1, 1]], b: [0] }],
  inputs: [[0.5, 0.25], [1, 2]],
  targets: [[1], [0]],
  learningRate: 0.1,
  order: [0, 1, 1],
};
const forwardRequest: ForwardRequest = request;
const twoByThree = () => [[1, 2, 3], [4, 5, 6]];
const params = () => [{ W: [[1, 2], [3, 4], [5, 6]], b: [7, 8, 9] }, { W: [[1, 2, 3]], b: [4] }];
const layers = () => [{ z: twoByThree(), a: twoByThree() }, { z: [[1], [2]], a: [[1], [2]] }];

describe("shapeProblems", () => {
  it("finds nothing wrong with results of the right shape, whatever their numbers", () => {
    expect(shapeProblems("forward", forwardRequest, { layers: layers() })).toEqual([]);
    expect(shapeProblems("gradients", request, { cost: Number.NaN, grads: params() })).toEqual([]);
    expect(shapeProblems("step", request, { params: params() })).toEqual([]);
    expect(shapeProblems("train", request, { params: params(), costs: [1, Infinity, -Infinity] })).toEqual([]);
    expect(shapeProblems("train", request, { params: params() })).toEqual([]);
    expect(shapeProblems("activation", { name: "relu", x: [1, 2] }, { value: [1, 2], derivative: [1, 1], extra: 0 })).toEqual([]);
  });

  it("names the entry, the length found, the length expected and why", () => {
    const bad = layers();
    bad[0]!.z[1] = [4, 5];
    bad[1]!.a = [[1]];
    expect(shapeProblems("forward", forwardRequest, { layers: bad })).toEqual([
      "layers[0].z[1] has 2 entries, expected 3 (units of layer 1)",
      "layers[1].a has 1 rows, expected 2 (one per sample)",
    ]);
  });

  it("reports missing and mistyped parts", () => {
    expect(shapeProblems("forward", forwardRequest, { layers: [{ z: twoByThree() }] })).toEqual([
      "layers has 1 entries, expected 2 (one per layer after the input)",
      "layers[0].a is missing, expected 2 × 3 numbers (one per sample × units of layer 1)",
    ]);
    expect(shapeProblems("gradients", request, { cost: "0.5", grads: [params()[0], { W: [[1, 2, "x"]], b: 4 }] })).toEqual([
      'cost is "0.5", expected a number',
      'grads[1].W[0][2] is "x", expected a number',
      "grads[1].b is 4, expected an array of 1 (units of layer 2)",
    ]);
    expect(shapeProblems("step", request, { parameters: params() })).toEqual([
      "params is missing, expected an array of 2 (one per layer after the input)",
    ]);
    expect(shapeProblems("step", request, null)).toEqual(["result is null, expected an object"]);
  });

  it("checks W against both neighbouring layers and costs against order", () => {
    const wrong = params();
    wrong[0] = { W: [[1, 2, 3], [3, 4, 5], [5, 6, 7]], b: [7, 8, 9] };
    expect(shapeProblems("train", request, { params: wrong, costs: [1, 2] })).toEqual([
      "params[0].W[0] has 3 entries, expected 2 (units of layer 0)",
      "params[0].W[1] has 3 entries, expected 2 (units of layer 0)",
      "params[0].W[2] has 3 entries, expected 2 (units of layer 0)",
      "costs has 2 entries, expected 3 (one per entry of order)",
    ]);
  });

  it("checks the optimizer's state when the request has an optimizer, and only then", () => {
    const adam = { ...request, optimizer: { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 } } as const;
    expect(shapeProblems("train", request, { params: params() })).toEqual([]);
    expect(shapeProblems("train", adam, { params: params(), state: { step: 3, m: params(), v: params() } })).toEqual([]);
    expect(shapeProblems("train", adam, { params: params() })).toEqual(['state is missing, expected an object with "step" and "m" and "v"']);
    expect(shapeProblems("step", adam, { params: params(), state: { step: 1.5, m: params(), v: [params()[0]] } })).toEqual([
      "state.step is 1.5, expected an integer ≥ 0 (the steps taken)",
      "state.v has 1 entries, expected 2 (one per layer after the input)",
    ]);
    const sgd = { ...request, optimizer: { name: "sgd", momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 } } as const;
    expect(shapeProblems("step", sgd, { params: params(), state: { momentumBuffer: null } })).toEqual([]);
    expect(shapeProblems("step", sgd, { params: params(), state: { momentumBuffer: [{ W: [[1]], b: [0] }, params()[1]] } })[0]).toBe("state.momentumBuffer[0].W has 1 rows, expected 3 (units of layer 1)");
  });

  it("checks activation results against x", () => {
    expect(shapeProblems("activation", { name: "tanh", x: [1, 2, 3] }, { value: [1, 2, 3], derivative: [1] })).toEqual([
      "derivative has 1 entries, expected 3 (one per entry of x)",
    ]);
  });

  it("stops after 20 problems and says how many more there were", () => {
    const x = Array.from({ length: 25 }, (_, i) => i);
    const problems = shapeProblems("activation", { name: "identity", x }, { value: x.map(String), derivative: x });
    expect(problems).toHaveLength(21);
    expect(problems[19]).toBe('value[19] is "19", expected a number');
    expect(problems[20]).toBe("… and 5 more shape problems");
  });
});
