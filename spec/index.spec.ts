// The public index: each export the README names does its job through the index, both ways where it judges
// (a right answer passes, a wrong one fails), with expected values from the fixtures, not from the code itself.
import { describe, expect, it } from "vitest";
import { exactToNumbers } from "../src/gradcheck/index.ts";
import * as nncheck from "../src/index.ts";
import { PropertyFailure } from "../src/properties/index.ts";
import { FAKE } from "./protocol/helpers.ts";

const { reference, createOracle, createRng, seedNetwork, loadFixture } = nncheck;
const fixture = loadFixture("worked-example");
const y0 = fixture.cases[0]!;
const request: nncheck.GradientsRequest = {
  network: seedNetwork,
  params: fixture.params.map(({ W, b }) => ({ W: W.map((r) => r.map(Number)), b: b.map(Number) })),
  inputs: fixture.inputs.map((r) => r.map(Number)),
  targets: y0.targets.map((r) => r.map(Number)),
};
const doubled = (g: nncheck.GradientsResult): nncheck.GradientsResult => ({ ...g, grads: g.grads.map(({ W, b }) => ({ W: W.map((r) => r.map((x) => 2 * x)), b: b.map((x) => 2 * x) })) });

describe("the public index", () => {
  it("reference and createOracle: the worked example's cost, as the fixture states it", async () => {
    expect((await reference.hello()).name).toBe("nncheck-reference");
    expect(seedNetwork).toEqual({ layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" });
    const stated = Number(y0.cost);
    expect(createOracle().gradients(request.network, request.params, request.inputs, request.targets).cost.toNumber()).toBeCloseTo(stated, 14);
    expect((await reference.gradients(request)).cost).toBeCloseTo(stated, 14);
  });

  it("compareGradients, compareForward, compareStep, compareTrain and diagnose judge both ways", async () => {
    const opts = { dtype: "float64" as const };
    const right = await reference.gradients(request);
    expect(nncheck.compareGradients(request, right, opts).ok).toBe(true);
    const wrong = nncheck.compareGradients(request, doubled(right), opts);
    expect(wrong.ok).toBe(false);
    const exact = exactToNumbers(createOracle().gradients(request.network, request.params, request.inputs, request.targets));
    expect(nncheck.diagnose(request, exact, doubled(right), wrong).map((h) => h.kind)).toContain("factor-2");
    expect(nncheck.compareForward(request, await reference.forward(request), opts).ok).toBe(true);
    const stepRequest = { ...request, learningRate: 0.05 };
    expect(nncheck.compareStep(stepRequest, await reference.step(stepRequest), opts).ok).toBe(true);
    expect(nncheck.compareStep(stepRequest, { params: request.params }, opts).ok).toBe(false);
    const trainRequest = { ...stepRequest, order: [0, 0] };
    expect(nncheck.compareTrain(trainRequest, await reference.train(trainRequest), opts).ok).toBe(true);
  });

  it("finiteDifferenceFull, finiteDifferenceDirectional and auditActivation pass the reference and fail a doubled gradient", async () => {
    const doubling: nncheck.Implementation = { ...reference, gradients: async (r) => doubled(await reference.gradients(r)) };
    expect((await nncheck.finiteDifferenceFull(reference, request, { dtype: "float64" })).ok).toBe(true);
    expect((await nncheck.finiteDifferenceFull(doubling, request, { dtype: "float64" })).ok).toBe(false);
    expect((await nncheck.finiteDifferenceDirectional(reference, request, { dtype: "float64", rng: createRng(1) })).ok).toBe(true);
    expect((await nncheck.finiteDifferenceDirectional(doubling, request, { dtype: "float64", rng: createRng(1) })).ok).toBe(false);
    expect((await nncheck.auditActivation(reference, "relu", { dtype: "float64" })).ok).toBe(true);
  });

  it("allChecks, selectChecks and runChecks run a selection on the reference", async () => {
    const checks = nncheck.selectChecks(nncheck.allChecks(), { only: ["fixture/worked-example"] });
    expect(checks.map((c) => c.id)).toEqual(["fixture/worked-example/forward", "fixture/worked-example/gradients/y=0", "fixture/worked-example/step/y=0", "fixture/worked-example/gradients/y=1", "fixture/worked-example/step/y=1"]);
    const report = await nncheck.runChecks({ implementation: reference, checks, seed: 1, runs: 5, replayPrefix: "npx nncheck run" });
    expect(report.summary.passed).toBe(5);
  });

  it("spawnImplementation speaks protocol v1 to a process, and shapeProblems names a wrong shape", async () => {
    const client = await nncheck.spawnImplementation(`node ${FAKE} good`);
    try {
      expect(await client.activation({ name: "identity", x: [0.5] })).toEqual({ value: [0.5], derivative: [1] });
    } finally {
      await client.close();
    }
    expect(nncheck.shapeProblems("activation", { name: "identity", x: [1, 2] }, { value: [1], derivative: [1, 1] })).toEqual(["value has 1 entries, expected 2 (one per entry of x)"]);
  });

  it("randomCase, generateFontData, trainSeedWay and createRng are seeded and deterministic", () => {
    const a = nncheck.randomCase(createRng(7), seedNetwork, 3), b = nncheck.randomCase(createRng(7), seedNetwork, 3);
    expect(a).toEqual(b);
    expect(a.inputs).toHaveLength(3);
    const data = nncheck.generateFontData(createRng(1));
    expect(data.rgb.every(([r, g, bl], i) => data.targets[i]![0] === (299 * r! + 587 * g! + 114 * bl! > 127_500 ? 1 : 0))).toBe(true);
    expect(nncheck.trainSeedWay(data, createRng(1), { steps: 2000 }).testAccuracy).toBeGreaterThan(0.9);
    expect(createRng(3).next()).toBe(createRng(3).next());
  });

  it("propertyCheck builds a check that passes a true property and fails a false one", async () => {
    const fc = await import("fast-check");
    const make = (holds: boolean) => nncheck.propertyCheck<number>({
      id: "property/example/check", description: "x ≥ 0", needs: { methods: [] }, casesPerRun: 1,
      arbitrary: () => fc.integer({ min: holds ? 0 : -5, max: 5 }),
      predicate: async (x) => {
        if (x < 0) throw new PropertyFailure(`${x} < 0`);
      },
    });
    const context = { implementation: reference, hello: await reference.hello(), dtype: "float64" as const, seed: 1, runs: 20, oracle: createOracle(), replayPrefix: "npx nncheck run" };
    expect((await make(true).run(context)).status).toBe("passed");
    expect((await make(false).run(context)).status).toBe("failed");
  });
});
