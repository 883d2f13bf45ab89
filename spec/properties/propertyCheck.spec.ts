import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSeed, type CheckContext } from "../../src/harness/check.ts";
import { ImplementationError } from "../../src/implementation.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { casesFor, plainJson, propertyCheck, PropertyFailure } from "../../src/properties/index.ts";
import { reference } from "../../src/reference/index.ts";
import { property, runProperty } from "./runProperty.ts";

const context = (overrides: Partial<CheckContext> = {}): CheckContext => ({
  implementation: reference,
  hello: { protocol: 1, name: "test", dtype: "float64", methods: [], activations: [] },
  dtype: "float64",
  seed: checkSeed(1, "property/test/x"),
  runs: 50,
  oracle: createOracle(),
  replayPrefix: "nncheck run --seed 1",
  ...overrides,
});

const spec = (predicate: (x: number[]) => Promise<void>, shrinkBudget?: number) =>
  propertyCheck({
    id: "property/test/x",
    description: "A test property.",
    needs: { methods: [] },
    casesPerRun: 1,
    arbitrary: () => fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 30 }),
    predicate,
    ...(shrinkBudget !== undefined ? { shrinkBudget } : {}),
  });

describe("propertyCheck", () => {
  it("runs casesFor(runs, casesPerRun) cases, at least one", async () => {
    let calls = 0;
    const outcome = await spec(async () => void calls++).run(context({ runs: 37 }));
    expect(outcome).toMatchObject({ status: "passed", message: "37 cases hold" });
    expect(calls).toBe(37);
    expect(casesFor(100, 0.05)).toBe(5);
    expect(casesFor(1, 0.05)).toBe(1);
  });

  it("reports a failure with the property id, seed, path, shrunk plain-JSON counterexample and a replay command", async () => {
    const outcome = await spec(async (x) => {
      if (x.some((v) => v > 10)) throw new PropertyFailure("too big", { observed: { value: -0 } });
    }).run(context());
    expect(outcome.status).toBe("failed");
    const d = outcome.details!;
    expect(d).toMatchObject({ property: "property/test/x", seed: checkSeed(1, "property/test/x"), observed: { value: "-0" } });
    expect((d.counterexample as number[]).filter((v) => v !== 0)).toEqual([11]); // shrunk: one 11 among zeros
    expect(d.replay).toBe(`nncheck run --seed 1 --only property/test/x --replay ${String(d["path"])}`);
    expect(outcome.message).toMatch(/^too big \(case \d+, shrunk \d+×; replay: nncheck run --seed 1 --only property\/test\/x --replay [\d:]+\)$/);
  });

  it("stops shrinking after its budget of candidates, deterministically", async () => {
    const evaluations = async (budget: number) => {
      let calls = 0;
      const outcome = await spec(async (x) => {
        calls++;
        if (x.reduce((s, v) => s + Math.abs(v), 0) > 50) throw new PropertyFailure("big sum");
      }, budget).run(context());
      return { calls, outcome };
    };
    const small = await evaluations(5);
    expect(small.outcome.message).toContain("before the shrink budget ran out");
    const firstFailure = small.calls - 5;
    expect(firstFailure).toBeGreaterThanOrEqual(1);
    expect((await evaluations(5)).outcome.details?.counterexample).toEqual(small.outcome.details?.counterexample);
    const large = await evaluations(10_000);
    expect(large.calls).toBeGreaterThan(small.calls);
  });

  it("lets implementation errors through (unsupported → skipped, crash → errored) without shrinking them", async () => {
    let calls = 0;
    const unsupported = spec(async () => {
      calls++;
      throw new ImplementationError("unsupported", "no such method");
    });
    await expect(unsupported.run(context())).rejects.toMatchObject({ code: "unsupported" });
    expect(calls).toBe(1);
    await expect(spec(async () => { throw new Error("crashed"); }).run(context())).rejects.toThrow("crashed");
  });

  it("skips property/descent/sgd-font (as unsupported) when train returns no costs", async () => {
    const noCosts = { ...reference, train: async (r: Parameters<typeof reference.train>[0]) => ({ params: (await reference.train(r)).params }) };
    await expect(runProperty(property("property/descent/sgd-font"), noCosts, { runs: 1 })).rejects.toMatchObject({ code: "unsupported", message: expect.stringMatching(/costs/) });
  });

  it("fails an answer of the wrong shape, or with NaN parameters, instead of crashing on it", async () => {
    const broken = { ...reference, gradients: async () => ({ cost: 0.5, grads: [] }) };
    const outcome = await runProperty(property("property/gradients/dead-unit"), broken, { runs: 5 });
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/^gradients: grads has 0 layers, expected 2/);
    const nanStep = { ...reference, step: async (r: Parameters<typeof reference.step>[0]) => ({ params: r.params.map(({ W, b }) => ({ W, b: b.map(() => Number.NaN) })) }) };
    const armijo = await runProperty(property("property/descent/armijo-step"), nanStep, { runs: 5 });
    expect(armijo.status).toBe("failed");
    expect(armijo.message).toMatch(/^step: params has \d+ non-finite entries \(b1\[0\] = NaN/);
  });
});

describe("plainJson", () => {
  it("keeps −0, NaN, ±Infinity and bigints as strings, everything else as is", () => {
    expect(plainJson({ a: [-0, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY], b: 12n, c: "s", d: null, e: true })).toEqual({
      a: ["-0", 0, 1.5, "NaN", "Infinity", "-Infinity"], b: "12", c: "s", d: null, e: true,
    });
  });
});
