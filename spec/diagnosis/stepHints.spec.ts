import { describe, expect, it } from "vitest";
import { plainNetwork } from "../../examples/mutants/plainNetwork.ts";
import { randomCase } from "../../src/cases/index.ts";
import { diagnoseStep, diagnoseTrain } from "../../src/diagnosis/index.ts";
import { compareStep, compareTrain, oracleGradientsFor } from "../../src/gradcheck/index.ts";
import type { StepRequest, StepResult, TrainRequest, TrainResult } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle, toNumberParams } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";

const oracle = createOracle();
const options = { dtype: "float64" as const, oracle };
const SEED = Number(process.env.NNCHECK_SEED ?? 20240611);
const seedNet: NetworkSpec = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" };
const deep: NetworkSpec = { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" };

function stepRequest(network: NetworkSpec, n: number, learningRate: number, seed = SEED): StepRequest {
  const c = randomCase(createRng(seed), network, n, { paramRange: [-1.5, 1.5] });
  return { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate };
}

function stepHints(request: StepRequest, actual: StepResult) {
  const exact = oracleGradientsFor(request, options);
  const comparison = compareStep(request, actual, options, exact);
  const hints = diagnoseStep(request, actual, comparison, options, exact);
  return { comparison, kinds: hints.map((h) => h.kind), hints };
}

/** The oracle's own step with another rate: what a step with that rate must answer, exactly rounded. */
const exactStepWithRate = (request: StepRequest, rate: number): StepResult => ({ params: toNumberParams(oracle.step(request.network, request.params, request.inputs, request.targets, rate).params) });

describe("diagnoseStep", () => {
  it("gives no hint to right steps (the reference, the plain implementation)", async () => {
    for (const request of [stepRequest(seedNet, 3, 0.3), stepRequest(deep, 1, 0.05, SEED + 1), stepRequest(seedNet, 2, 0)]) {
      for (const impl of [reference, plainNetwork()]) {
        const { comparison, kinds } = stepHints(request, await impl.step(request));
        expect(comparison.ok).toBe(true);
        expect(kinds).toEqual([]);
      }
    }
  });

  it.each([
    ["step-ascends", (L: number) => -L],
    ["rate-doubled", (L: number) => 2 * L],
    ["rate-over-batch", (L: number, n: number) => L / n],
  ])("names %s when the answer is the oracle's step with that rate, and only that", (kind, rate) => {
    const request = stepRequest(seedNet, 3, 0.3);
    const { comparison, kinds } = stepHints(request, exactStepWithRate(request, rate(0.3, 3)));
    expect(comparison.ok).toBe(false);
    expect(kinds).toEqual([kind]);
  });

  it("infers the default that replaced a rate of 0 from the change", () => {
    for (const rate of [0.1, 0.01, 0.3]) {
      const request = stepRequest(deep, 2, 0);
      const { comparison, hints } = stepHints(request, exactStepWithRate(request, rate));
      expect(comparison.ok).toBe(false);
      expect(hints.map((h) => h.kind)).toEqual(["zero-rate-replaced"]);
      expect(hints[0]!.message).toContain(`L′ = ${rate}:`);
    }
  });

  it("names updated-output-weights for the plain implementation with synaptic 1.1.4's bug, on one and on two hidden layers", async () => {
    for (const request of [stepRequest(seedNet, 1, 0.5), stepRequest(seedNet, 3, 0.5, SEED + 2), stepRequest(deep, 2, 0.4, SEED + 3)]) {
      const { comparison, kinds } = stepHints(request, await plainNetwork("updated-output-weights").step(request));
      expect(comparison.ok).toBe(false);
      expect(kinds).toEqual(["updated-output-weights"]);
    }
  });

  it("names no bug for unstructured errors (10% noise on the change) or a rate of 0 moving θ off the gradient", () => {
    const request = stepRequest(seedNet, 3, 0.3);
    const right = exactStepWithRate(request, 0.3);
    const rng = createRng(SEED);
    const noisy = right.params.map(({ W, b }, l) => ({
      W: W.map((row, i) => row.map((w, j) => w + (w - request.params[l]!.W[i]![j]!) * 0.1 * rng.uniform(-1, 1))),
      b: b.map((v, i) => v + (v - request.params[l]!.b[i]!) * 0.1 * rng.uniform(-1, 1)),
    }));
    expect(stepHints(request, { params: noisy })).toMatchObject({ comparison: { ok: false }, kinds: [] });
    const zero = { ...request, learningRate: 0 };
    const shifted = request.params.map(({ W, b }) => ({ W: W.map((row) => row.map((w) => w + 0.01)), b: b.map((v) => v + 0.01) }));
    expect(stepHints(zero, { params: shifted })).toMatchObject({ comparison: { ok: false }, kinds: [] });
  });
});

describe("diagnoseTrain", () => {
  const trainRequest = (network: NetworkSpec, seed: number): TrainRequest => ({ ...stepRequest(network, 3, 0.2, seed), order: [0, 2, 1, 1, 0, 2] });
  const trainHints = (request: TrainRequest, actual: TrainResult) => {
    const comparison = compareTrain(request, actual, options);
    return { comparison, kinds: diagnoseTrain(request, actual, comparison, options).map((h) => h.kind) };
  };

  it("gives no hint to the right run and names the plain mutants' bugs, every step of the run wrong alike", async () => {
    for (const [k, network] of [seedNet, deep].entries()) {
      const request = trainRequest(network, SEED + 10 + k);
      expect(trainHints(request, await plainNetwork().train(request))).toMatchObject({ comparison: { ok: true }, kinds: [] });
      for (const kind of ["step-ascends", "rate-doubled", "updated-output-weights"] as const) {
        expect(trainHints(request, await plainNetwork(kind).train(request)), `${kind} on ${network.layers.join("-")}`).toMatchObject({ comparison: { ok: false }, kinds: [kind] });
      }
    }
  });

  it("names no bug for a run that repeats its last step", async () => {
    const request = trainRequest(seedNet, SEED + 20);
    expect(trainHints(request, await plainNetwork("train-repeats-last").train(request)).kinds).toEqual([]);
  });
});
