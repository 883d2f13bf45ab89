import { describe, expect, it } from "vitest";
import { ImplementationError, METHODS } from "../../src/implementation.ts";
import { ACTIVATIONS, seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { activate, activationDerivative, forward, gradients, reference, step, train } from "../../src/reference/index.ts";
import { network, randomCase, SEED } from "./helpers.ts";

async function rejection(promise: Promise<unknown>): Promise<ImplementationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the request to be rejected").toBeInstanceOf(ImplementationError);
  return error as ImplementationError;
}

describe("reference (the Implementation)", () => {
  const net = network([3, 4, 2], ["tanh", "logistic"]);
  const { params, inputs, targets } = randomCase(net, 3, createRng(SEED));

  it("says hello: protocol 1, float64, all methods and activations, any shape", async () => {
    const hello = await reference.hello();
    expect(hello).toMatchObject({ protocol: 1, name: "nncheck-reference", language: "typescript", dtype: "float64" });
    expect([...hello.methods].sort()).toEqual([...METHODS].sort());
    expect([...hello.activations].sort()).toEqual([...ACTIVATIONS].sort());
    expect(hello.networks).toBeUndefined();
  });

  it(`answers each method with the library functions' results (seed ${SEED})`, async () => {
    expect(await reference.forward({ network: net, params, inputs })).toEqual({ layers: forward(net, params, inputs) });
    expect(await reference.gradients({ network: net, params, inputs, targets })).toEqual(gradients(net, params, inputs, targets));
    expect(await reference.step({ network: net, params, inputs, targets, learningRate: 0.1 })).toEqual({
      params: step(net, params, inputs, targets, 0.1),
    });
    expect(await reference.train({ network: net, params, inputs, targets, learningRate: 0.1, order: [2, 0, 0, 1] })).toEqual(
      train(net, params, inputs, targets, 0.1, [2, 0, 0, 1], { recordCosts: true }),
    );
  });

  it("computes activation on a vector x", async () => {
    const x = [-800, -1, -0, 0, 0.5, 30];
    for (const name of ACTIVATIONS.filter((f) => f !== "softmax")) {
      const result = await reference.activation({ name, x });
      expect(result.value, name).toEqual(x.map((z) => activate(name, z)));
      expect(result.derivative, name).toEqual(x.map((z) => activationDerivative(name, z)));
    }
    expect(await reference.activation({ name: "relu", x: [] })).toEqual({ value: [], derivative: [] });
    // softmax takes x as one vector of logits and answers the Jacobian; max z is subtracted, so (1000, 0) gives (1, 0)
    expect(await reference.activation({ name: "softmax", x: [1000, 0] })).toEqual({ value: [1, 0], derivative: [[0, -0], [-0, 0]] });
    expect(await reference.activation({ name: "softmax", x: [-3, -3, -3, -3] })).toEqual({
      value: [0.25, 0.25, 0.25, 0.25],
      derivative: [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 0.1875 : -0.0625))),
    });
  });

  it("rejects malformed requests with invalid_params, naming the method and each bad field", async () => {
    const badParams = [{ W: [[1, 2, 3], [4, 5, 6]], b: [0, 0, 0, 0] }, params[1]!];
    const forwardError = await rejection(reference.forward({ network: net, params: badParams, inputs }));
    expect(forwardError.code).toBe("invalid_params");
    expect(forwardError.message).toBe("forward: params[0].W has 2 rows, expected 4 (layers[1])");

    const trainError = await rejection(
      reference.train({ network: seedNetwork, params, inputs: [[0.1, 0.2, 0.3]], targets: [[1]], learningRate: Number.NaN, order: [1] }),
    );
    expect(trainError.code).toBe("invalid_params");
    expect(trainError.message).toContain("train: ");
    expect(trainError.message).toContain("params[0].W has 4 rows, expected 3 (layers[1])");
    expect(trainError.message).toContain("learningRate is NaN, expected a finite number");
    expect(trainError.message).toContain("order[0] is 1, expected an integer in [0, 1) (a sample index)");

    const gradientsError = await rejection(reference.gradients({ network: net, params, inputs, targets: targets.slice(1) }));
    expect(gradientsError.message).toBe("gradients: targets has 2 samples, expected 3 (one per input sample)");
    const stepError = await rejection(reference.step({ network: net, params, inputs: [], targets: [], learningRate: 0.1 }));
    expect(stepError.message).toBe("step: inputs has 0 samples, expected at least 1");
    const activationError = await rejection(reference.activation({ name: "sigmoid" as never, x: [1, Number.POSITIVE_INFINITY] }));
    expect(activationError.message).toBe(
      "activation: name is \"sigmoid\", expected one of relu, logistic, tanh, identity, leaky_relu, softplus, silu, softmax; x[1] is Infinity, expected a finite number",
    );
    expect((await rejection(reference.activation({ name: "softmax", x: [] }))).message).toBe("activation: x has 0 entries, expected at least 1 (softmax of an empty vector is undefined)");
  });
});
