import { describe, expect, it } from "vitest";
import { ImplementationError, type Optimizer, type OptimizerState, type StepRequest } from "../../src/implementation.ts";
import type { Params } from "../../src/network/types.ts";
import { createOracle, toNumberParams } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { network, randomCase, SEED } from "./helpers.ts";

const OPTIMIZERS: readonly Optimizer[] = [
  { name: "sgd", momentum: 0.9, dampening: 0.1, nesterov: false, weightDecay: 0.05 },
  { name: "sgd", momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0 },
  { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.05 },
  { name: "adamw", beta1: 0.9, beta2: 0.999, epsilon: 1e-3, weightDecay: 0.1 },
];
const net = network([3, 3, 1], ["relu", "logistic"]);
const flat = (p: Params) => p.flatMap(({ W, b }) => [...W.flat(), ...b]);
const closeTo = (a: Params, b: Params) => flat(a).every((x, k) => Math.abs(x - flat(b)[k]!) <= 1e-12 * Math.max(1, Math.abs(x)));

describe("the reference's optimizers", () => {
  it("declares sgd, adam and adamw", async () => {
    expect((await reference.hello()).optimizers).toEqual(["sgd", "adam", "adamw"]);
  });

  it("agree with the exact oracle on a step from a fresh state and train is the fold of its steps, state carried", async () => {
    const rng = createRng(SEED);
    const oracle = createOracle();
    for (const optimizer of OPTIMIZERS) {
      const { params, inputs, targets } = randomCase(net, 4, rng);
      const request: StepRequest = { network: net, params, inputs, targets, learningRate: 0.05, optimizer };
      const stepped = await reference.step(request);
      expect(closeTo(stepped.params, toNumberParams(oracle.step(net, params, inputs, targets, 0.05, optimizer).params)), optimizer.name).toBe(true);
      const order = [0, 2, 1, 3, 3, 0, 1, 2, 0, 1];
      const trained = await reference.train({ ...request, order });
      let theta = params, state: OptimizerState | undefined;
      for (const s of order) ({ params: theta, state } = await reference.step({ ...request, params: theta, inputs: [inputs[s]!], targets: [targets[s]!], state }) as { params: Params; state: OptimizerState });
      expect(trained.params).toEqual(theta);
      expect(trained.state).toEqual(state);
      if (optimizer.name !== "sgd") expect(trained.state).toMatchObject({ step: 10 });
    }
  });

  it("answers a plain request as ever (no state) and names a bad optimizer or state", async () => {
    const { params, inputs, targets } = randomCase(net, 1, createRng(SEED));
    const request: StepRequest = { network: net, params, inputs, targets, learningRate: 0.1 };
    expect(Object.keys(await reference.step(request))).toEqual(["params"]);
    const bad = { ...request, optimizer: { name: "adam", beta1: 1, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 }, state: { step: -1, m: params, v: params } } as StepRequest;
    await expect(reference.step(bad)).rejects.toThrow(new ImplementationError("invalid_params", "step: optimizer.beta1 is 1, expected a number in [0, 1); state.step is -1, expected an integer ≥ 0 (the steps taken); state.v has a negative entry, expected every entry ≥ 0 (a second moment)"));
    await expect(reference.step({ ...request, optimizer: { name: "rmsprop" } } as never)).rejects.toThrow('optimizer.name is "rmsprop", expected one of sgd, adam, adamw');
  });
});
