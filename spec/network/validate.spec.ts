import { describe, expect, it } from "vitest";
import { ImplementationError } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";
import {
  assertValid,
  validateActivationRequest,
  validateForwardRequest,
  validateGradientsRequest,
  validateInputs,
  validateLearningRate,
  validateNetwork,
  validateOrder,
  validateParams,
  validateStepRequest,
  validateTargets,
  validateTrainRequest,
} from "../../src/network/validate.ts";

const goodParams = [
  { W: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], b: [0, 0, 0] },
  { W: [[1, 2, 3]], b: [0.5] },
];
const goodRequest = {
  network: seedNetwork,
  params: goodParams,
  inputs: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
  targets: [[1], [0]],
  learningRate: 0.05,
  order: [0, 1, 1],
};

describe("validateNetwork", () => {
  it("accepts the seed network and other valid shapes", () => {
    expect(validateNetwork(seedNetwork)).toEqual([]);
    expect(validateNetwork({ layers: [1, 5, 5, 2], activations: ["tanh", "identity", "logistic"], cost: "squared_error" })).toEqual([]);
  });

  it("names each bad field with what was expected and what arrived", () => {
    expect(validateNetwork(null)).toEqual(["network is null, expected an object {layers, activations, cost}"]);
    expect(validateNetwork({ layers: [3], activations: [], cost: "squared_error" })).toEqual([
      "network.layers has 1 entry, expected at least 2 (inputs and outputs)",
    ]);
    expect(validateNetwork({ layers: [3, 2.5, -1, "4"], activations: ["relu", "relu", "relu"], cost: "squared_error" })).toEqual([
      "network.layers[1] is 2.5, expected a positive integer",
      "network.layers[2] is -1, expected a positive integer",
      'network.layers[3] is "4", expected a positive integer',
    ]);
    expect(validateNetwork({ layers: [3, 3, 1], activations: ["relu"], cost: "hinge" })).toEqual([
      "network.activations has 1 entry, expected 2 (layers.length − 1)",
      'network.cost is "hinge", expected one of "squared_error", "half_squared_error", "binary_cross_entropy", "cross_entropy"',
    ]);
    expect(validateNetwork({ layers: [3, 3, 1], activations: ["relu", "sigmoid"], cost: "squared_error" })).toEqual([
      'network.activations[1] is "sigmoid", expected one of relu, logistic, tanh, identity, leaky_relu, softplus, silu, softmax',
    ]);
    expect(validateNetwork({ layers: [3, 3, 2], activations: ["softmax", "softmax"], cost: "cross_entropy", reduction: "average" })).toEqual([
      'network.activations[0] is "softmax", which acts on a whole layer and may only be the output layer\'s (the last entry)',
      'network.reduction is "average", expected one of "mean", "sum", "mean_all" (or absent: "mean")',
    ]);
    expect(validateNetwork({ layers: [3, 3, 2], activations: ["relu", "logistic"], cost: "cross_entropy" })).toEqual([
      'network.cost "cross_entropy" is defined on a softmax output layer, but the last activation is "logistic"',
    ]);
    expect(validateNetwork({ layers: [3, 3, 1], activations: ["relu", "tanh"], cost: "binary_cross_entropy" })).toEqual([
      'network.cost "binary_cross_entropy" is defined on a logistic output layer, but the last activation is "tanh"',
    ]);
    expect(validateNetwork({ layers: "3-3-1", activations: {}, cost: "squared_error" })).toEqual([
      'network.layers is "3-3-1", expected an array of positive integers',
      "network.activations is an object, expected an array of activation names",
    ]);
  });
});

describe("validateParams", () => {
  it("accepts params of the right shape", () => {
    expect(validateParams(seedNetwork, goodParams)).toEqual([]);
  });

  it("names the layer, the field and the dimension that is wrong", () => {
    expect(validateParams(seedNetwork, {})).toEqual(["params is an object, expected an array of 2 {W, b} (layers.length − 1)"]);
    expect(validateParams(seedNetwork, [goodParams[0]])).toEqual(["params has 1 layer, expected 2 (layers.length − 1)"]);
    expect(validateParams(seedNetwork, [{ W: [[1, 2, 3], [4, 5, 6]], b: [0, 0, 0] }, goodParams[1]])).toEqual([
      "params[0].W has 2 rows, expected 3 (layers[1])",
    ]);
    expect(validateParams(seedNetwork, [goodParams[0], { W: [[1, 2]], b: [0.5, 1] }])).toEqual([
      "params[1].W[0] has 2 entries, expected 3 (layers[1])",
      "params[1].b has 2 entries, expected 1 (layers[2])",
    ]);
    expect(validateParams(seedNetwork, [goodParams[0], { W: [[1, Number.NaN, "3"]], b: null }])).toEqual([
      "params[1].W[0][1] is NaN, expected a finite number",
      'params[1].W[0][2] is "3", expected a finite number',
      "params[1].b is null, expected an array of 1 (layers[2]) numbers",
    ]);
    expect(validateParams(seedNetwork, [goodParams[0], 7])).toEqual(["params[1] is 7, expected an object {W, b}"]);
  });
});

describe("validateInputs, validateTargets, validateLearningRate, validateOrder", () => {
  it("inputs: at least one sample, each layers[0] finite numbers", () => {
    expect(validateInputs(seedNetwork, [[0, 0.5, 1]])).toEqual([]);
    expect(validateInputs(seedNetwork, [])).toEqual(["inputs has 0 samples, expected at least 1"]);
    expect(validateInputs(seedNetwork, [[0, 0.5], [0, 0, Number.POSITIVE_INFINITY]])).toEqual([
      "inputs[0] has 2 entries, expected 3 (layers[0])",
      "inputs[1][2] is Infinity, expected a finite number",
    ]);
    expect(validateInputs(seedNetwork, undefined)).toEqual(["inputs is undefined, expected an array of at least 1 samples"]);
  });

  it("targets: one row per input sample, each layers[last] finite numbers", () => {
    expect(validateTargets(seedNetwork, [[1], [0]], 2)).toEqual([]);
    expect(validateTargets(seedNetwork, [[1, 0]], 2)).toEqual([
      "targets has 1 sample, expected 2 (one per input sample)",
      "targets[0] has 2 entries, expected 1 (layers[2])",
    ]);
  });

  it("targets: in [0, 1] for binary_cross_entropy, probability vectors for cross_entropy", () => {
    const bce = { layers: [3, 3, 2], activations: ["relu", "logistic"], cost: "binary_cross_entropy" } as const;
    expect(validateTargets(bce, [[0, 1], [0.25, 1]], 2)).toEqual([]);
    expect(validateTargets(bce, [[-0.5, 1.5]], 1)).toEqual([
      "targets[0][0] is -0.5, expected a number in [0, 1] (binary_cross_entropy targets)",
      "targets[0][1] is 1.5, expected a number in [0, 1] (binary_cross_entropy targets)",
    ]);
    const ce = { layers: [3, 3, 3], activations: ["relu", "softmax"], cost: "cross_entropy" } as const;
    expect(validateTargets(ce, [[0, 1, 0], [0.1, 0.2, 0.7]], 2)).toEqual([]);
    expect(validateTargets(ce, [[0.5, 0.25, 0]], 1)).toEqual(["targets[0] sums to 0.75, expected 1 (a probability vector: cross_entropy targets, one-hot commonly)"]);
    expect(validateTargets({ ...ce, cost: "squared_error" }, [[0.5, 0.25, 7]], 1)).toEqual([]);
  });

  it("learningRate: a finite number", () => {
    expect(validateLearningRate(0.05)).toEqual([]);
    expect(validateLearningRate("0.05")).toEqual(['learningRate is "0.05", expected a finite number']);
    expect(validateLearningRate(Number.NEGATIVE_INFINITY)).toEqual(["learningRate is -Infinity, expected a finite number"]);
  });

  it("order: integers in [0, n)", () => {
    expect(validateOrder([0, 2, 1, 2], 3)).toEqual([]);
    expect(validateOrder([0, 3, -1, 1.5], 3)).toEqual([
      "order[1] is 3, expected an integer in [0, 3) (a sample index)",
      "order[2] is -1, expected an integer in [0, 3) (a sample index)",
      "order[3] is 1.5, expected an integer in [0, 3) (a sample index)",
    ]);
    expect(validateOrder(5, 3)).toEqual(["order is 5, expected an array of sample indices"]);
  });

  it("reports at most 5 problems per field, then counts the rest", () => {
    const messages = validateOrder(Array.from({ length: 12 }, () => 99), 3);
    expect(messages).toHaveLength(6);
    expect(messages[5]).toBe("order: 7 more problems like these");
    expect(validateInputs(seedNetwork, Array.from({ length: 8 }, () => [Number.NaN, 0, 0]))).toHaveLength(6);
  });
});

describe("request validators", () => {
  it("accept a well-formed request of each method", () => {
    expect(validateForwardRequest(goodRequest)).toEqual([]);
    expect(validateGradientsRequest(goodRequest)).toEqual([]);
    expect(validateStepRequest(goodRequest)).toEqual([]);
    expect(validateTrainRequest(goodRequest)).toEqual([]);
    expect(validateActivationRequest({ name: "tanh", x: [-1, 0, 1] })).toEqual([]);
  });

  it("check only the network when it is invalid (nothing else can be checked against it)", () => {
    expect(validateTrainRequest({ ...goodRequest, network: { ...seedNetwork, layers: [3] }, learningRate: "x" })).toEqual([
      "network.layers has 1 entry, expected at least 2 (inputs and outputs)",
    ]);
    expect(validateForwardRequest("hello")).toEqual(['request is "hello", expected an object {network, params, inputs, …}']);
  });

  it("add each method's own fields", () => {
    const request = { ...goodRequest, targets: [[1]], learningRate: null, order: [2] };
    expect(validateForwardRequest(request)).toEqual([]);
    expect(validateGradientsRequest(request)).toEqual(["targets has 1 sample, expected 2 (one per input sample)"]);
    expect(validateStepRequest(request)).toEqual([
      "targets has 1 sample, expected 2 (one per input sample)",
      "learningRate is null, expected a finite number",
    ]);
    expect(validateTrainRequest(request)).toEqual([
      "targets has 1 sample, expected 2 (one per input sample)",
      "learningRate is null, expected a finite number",
      "order[0] is 2, expected an integer in [0, 2) (a sample index)",
    ]);
    expect(validateActivationRequest({ name: "relu", x: "1,2" })).toEqual(['x is "1,2", expected an array of numbers']);
  });
});

describe("assertValid", () => {
  it("does nothing for no messages and throws invalid_params with the context and every message otherwise", () => {
    expect(() => assertValid([], "forward")).not.toThrow();
    let thrown: unknown;
    try {
      assertValid(["a is 1, expected 2", "b is 3, expected 4"], "step");
    } catch (e: unknown) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ImplementationError);
    expect((thrown as ImplementationError).code).toBe("invalid_params");
    expect((thrown as ImplementationError).message).toBe("step: a is 1, expected 2; b is 3, expected 4");
  });
});
