import { describe, expect, it } from "vitest";
import { allChecks, checksFor, declaredShapes, nameShapes } from "../../src/checks/index.ts";
import { FD_SHAPES } from "../../src/checks/finiteDifferenceChecks.ts";
import { CLASSIFIER_SHAPES, ORACLE_SHAPES } from "../../src/checks/oracleChecks.ts";
import { runChecks, unmetNeeds, type Check } from "../../src/harness/index.ts";
import { ImplementationError, type Hello, type Implementation } from "../../src/implementation.ts";
import { reference } from "../../src/reference/index.ts";
import { RUN_DEFAULTS } from "../harness/fakes.ts";

const BUILT_IN = [...ORACLE_SHAPES, ...CLASSIFIER_SHAPES, ...FD_SHAPES];
const where = (i: number) => `entry ${i}`;

/** The checks a run builds for `hello` (its `networks` only, no `--network`). */
const checksOf = (hello: Hello): Check[] =>
  checksFor({ declared: declaredShapes(hello.networks ?? [], hello, where), ...(hello.networks !== undefined ? { offered: hello.networks } : {}) });

/** Among the oracle, fd and property checks of `checks`: how many `hello` could answer at any shape, and how many it gets. */
function coverage(checks: readonly Check[], hello: Hello): { answerable: string[]; run: string[]; shapeSkipped: string[] } {
  const { networks: _, ...anyShape } = hello;
  const family = checks.filter((c) => /^(oracle|fd|property)\//.test(c.id));
  const answerable = family.filter((c) => unmetNeeds(c.needs, anyShape) === undefined).map((c) => c.id);
  const run = family.filter((c) => unmetNeeds(c.needs, hello) === undefined).map((c) => c.id);
  return { answerable, run, shapeSkipped: answerable.filter((id) => !run.includes(id)) };
}

const base: Omit<Hello, "methods" | "activations"> = { protocol: 1, name: "declares one shape", dtype: "float64" };
/** scikit-learn's MLPRegressor kind: ReLU hidden layer, identity output, squared error. */
const regressor: Hello = { ...base, methods: ["forward", "gradients", "step", "train"], activations: ["relu", "identity"], networks: [{ layers: [5, 7, 2], activations: ["relu", "identity"] }] };
/** brain.js's kind: one activation (logistic) in every layer. */
const allLogistic: Hello = { ...base, methods: ["forward", "gradients", "step", "train"], activations: ["logistic"], networks: [{ layers: [3, 4, 2], activations: ["logistic", "logistic"] }] };
/** The acceptance case: gradients for one large classifier shape only. */
const mnist: Hello = { ...base, methods: ["gradients"], activations: ["relu", "softmax"], costs: ["cross_entropy"], networks: [{ layers: [784, 128, 10], activations: ["relu", "softmax"] }] };

describe("declared shapes: names", () => {
  const shape = (layers: number[], activations: string[], cost?: string) => declaredShapes([{ layers, activations, ...(cost ? { cost } : {}) }], { costs: ["squared_error", "binary_cross_entropy", "cross_entropy"] }, where)[0]!;

  it("are the layers joined by '-'; a shape equal to a built-in one keeps its name; another network's name gets the activations, then a number", () => {
    const named = nameShapes([
      shape([784, 128, 10], ["relu", "softmax"]), shape([3, 3, 1], ["relu", "logistic"]), shape([3, 3, 1], ["tanh", "tanh"]),
      shape([4, 5, 3], ["relu", "softmax"], "cross_entropy"), shape([784, 128, 10], ["relu", "softmax"], "cross_entropy"), shape([784, 128, 10], ["tanh", "softmax"]),
    ], BUILT_IN);
    expect(named.map((s) => s.name)).toEqual(["784-128-10", "3-3-1", "3-3-1-tanh-tanh", "4-5-3-ce", "784-128-10-relu-softmax", "784-128-10-tanh-softmax"]);
  });

  it("the built-in 2-5-1 is two networks (oracle: ReLU, fd: tanh): a declared ReLU 2-5-1 adds only fd checks, under a name of its own", () => {
    const ids = checksFor({ declared: [shape([2, 5, 1], ["relu", "logistic"])] }).map((c) => c.id);
    const added = ids.filter((id) => !allChecks().some((c) => c.id === id));
    expect(added.filter((id) => !id.startsWith("property/"))).toEqual(["fd/full/2-5-1-relu-logistic", "fd/directional/2-5-1-relu-logistic"]);
  });

  it("a missing cost is the first of the hello's costs that fits the output layer; a missing reduction, every one it offers", () => {
    expect(declaredShapes([{ layers: [6, 8, 4], activations: ["relu", "softmax"] }], { costs: ["cross_entropy"], reductions: ["sum", "mean"] }, where))
      .toEqual([{ network: { layers: [6, 8, 4], activations: ["relu", "softmax"], cost: "cross_entropy" }, reductions: ["sum", "mean"] }]);
    expect(declaredShapes([{ layers: [6, 8, 4], activations: ["relu", "softmax"], reduction: "sum" }], {}, where))
      .toEqual([{ network: { layers: [6, 8, 4], activations: ["relu", "softmax"], cost: "squared_error" }, reductions: ["sum"] }]);
    expect(() => declaredShapes([{ layers: [3, 2], activations: ["tanh"] }], { costs: ["cross_entropy"] }, where))
      .toThrow('entry 0 cannot be checked: network.cost "cross_entropy" is defined on a softmax output layer, but the last activation is "tanh"');
    expect(() => declaredShapes([{ layers: [3, 2], activations: ["sigmoid"] }], {}, where)).toThrow(/^entry 0 cannot be checked: network.activations\[0\] is "sigmoid"/);
    const unusable: [string, number][] = [];
    const kept = declaredShapes([{ layers: [3, 2], activations: ["sigmoid"] }, { layers: [3, 2], activations: ["tanh"] }], {}, where, (message, i) => unusable.push([message, i]));
    expect(kept.map((s) => s.network.activations)).toEqual([["tanh"]]);
    expect(unusable).toEqual([[expect.stringMatching(/^entry 0 cannot be checked: network.activations\[0\] is "sigmoid"/), 0]]);
  });
});

describe("declared shapes: which checks run", () => {
  it("a hello without networks gets exactly allChecks(), ids and order; so does one listing only built-in shapes (the seed port's 3-3-1)", () => {
    const { networks: _, ...plain } = regressor;
    const ids = allChecks().map((c) => c.id);
    expect(checksOf(plain).map((c) => c.id)).toEqual(ids);
    const seedPort: Hello = { ...base, methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic"], networks: [{ layers: [3, 3, 1], activations: ["relu", "logistic"] }] };
    expect(checksOf(seedPort).map((c) => c.id)).toEqual(ids);
  });

  for (const [what, hello, name] of [["an identity-output regressor 5-7-2", regressor, "5-7-2"], ["an all-logistic 3-4-2 (brain.js)", allLogistic, "3-4-2"], ["gradients on 784-128-10 only", mnist, "784-128-10"]] as const) {
    it(`${what}: its own checks, ≥ 90 % of the oracle, fd and property checks it could answer at any shape run, no oracle or fd check skipped for want of a shape`, () => {
      const checks = checksOf(hello);
      const { answerable, run, shapeSkipped } = coverage(checks, hello);
      expect(run).toEqual(expect.arrayContaining([`oracle/gradients/${name}`, `oracle/gradients/batch/${name}`, `fd/full/${name}`, `fd/directional/${name}`, `property/gradients/oracle/${name}`, `property/gradients/order-invariant/${name}`]));
      expect(shapeSkipped.filter((id) => !id.startsWith("property/"))).toEqual([]);
      expect(run.length / answerable.length).toBeGreaterThanOrEqual(0.9);
      // today's list, on the built-in shapes alone, leaves such an implementation almost nothing
      const before = coverage(allChecks(), hello);
      expect(before.run.length).toBeLessThan(0.2 * answerable.length);
    });
  }

  it("runs the properties that fit the shape: ReLU ones where the first layer is ReLU, the identity-output gradient on an identity output", () => {
    const regressorIds = checksOf(regressor).map((c) => c.id);
    expect(regressorIds).toEqual(expect.arrayContaining(["property/cost/output-gradient/5-7-2", "property/gradients/dead-unit/5-7-2", "property/metamorphic/relu-rescale/5-7-2", "property/step/zero-rate/5-7-2"]));
    const logisticIds = checksOf(allLogistic).map((c) => c.id);
    expect(logisticIds.filter((id) => /dead-unit|relu-rescale|output-gradient|cross-entropy/.test(id) && id.endsWith("/3-4-2"))).toEqual([]);
    expect(logisticIds).toEqual(expect.arrayContaining(["property/metamorphic/permute-hidden/3-4-2", "property/cost/zero-iff-at-target/3-4-2"]));
    const mnistIds = checksOf(mnist).map((c) => c.id);
    expect(mnistIds).toEqual(expect.arrayContaining(["property/cost/cross-entropy-nonnegative/784-128-10", "oracle/gradients/saturated/784-128-10"]));
    expect(mnistIds).not.toContain("oracle/gradients/4-5-3-ce/mean"); // a built-in shape it does not list gives way
  });
});

describe("declared shapes: the checks run", () => {
  const at = (hello: Hello, implementation: Implementation = reference): Implementation => ({ ...implementation, hello: async () => hello });
  const tanhRegressor: Hello = { ...regressor, activations: ["tanh", "identity"], networks: [{ layers: [5, 7, 2], activations: ["tanh", "identity"] }] };
  const run = async (implementation: Implementation, ids: readonly string[]) => {
    const report = await runChecks({ ...RUN_DEFAULTS, implementation, checks: (hello) => checksOf(hello).filter((c) => ids.includes(c.id)) });
    return Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
  };

  it("pass on the reference at the declared shape, and a wrong gradient there fails them", async () => {
    const ids = ["oracle/gradients/5-7-2", "fd/full/5-7-2", "property/cost/output-gradient/5-7-2"];
    expect(await run(at(tanhRegressor), ids)).toEqual({ "oracle/gradients/5-7-2": "passed", "fd/full/5-7-2": "passed", "property/cost/output-gradient/5-7-2": "passed" });
    const doubled: Implementation = at(tanhRegressor, { ...reference, gradients: async (r) => { const g = await reference.gradients(r); return { ...g, grads: g.grads.map(({ W, b }) => ({ W: W.map((row) => row.map((v) => 2 * v)), b: b.map((v) => 2 * v) })) }; } });
    expect(await run(doubled, ids)).toEqual({ "oracle/gradients/5-7-2": "failed", "fd/full/5-7-2": "failed", "property/cost/output-gradient/5-7-2": "failed" });
  });

  it("a declared shape up to 10,000 parameters gets the optimizers' step and train checks; they pass on the reference, and a state not carried fails train", async () => {
    const withOptimizers: Hello = { ...tanhRegressor, optimizers: ["sgd", "adam", "adamw"] };
    const ids = checksOf(withOptimizers).map((c) => c.id).filter((id) => /^oracle\/(step|train)\/(sgd|adam)/.test(id));
    expect(ids).toEqual(expect.arrayContaining(["oracle/step/adam/5-7-2", "oracle/train/adamw/5-7-2", "oracle/train/sgd-momentum/5-7-2"]));
    expect(ids.every((id) => id.endsWith("/5-7-2"))).toBe(true);
    const picked = ["oracle/step/adam/5-7-2", "oracle/train/adam/5-7-2"];
    expect(await run(at(withOptimizers), picked)).toEqual({ "oracle/step/adam/5-7-2": "passed", "oracle/train/adam/5-7-2": "passed" });
    // each train step from a fresh state: Adam's moments and count restart, which only train shows
    const forgetful = at(withOptimizers, { ...reference, train: async (r) => {
      let params = r.params, state = r.state ?? null;
      const costs: number[] = [];
      for (const s of r.order) {
        const one = await reference.step({ ...r, params, state: null, inputs: [r.inputs[s]!], targets: [r.targets[s]!] });
        costs.push((await reference.gradients({ ...r, params, inputs: [r.inputs[s]!], targets: [r.targets[s]!] })).cost);
        params = one.params;
        state = one.state ?? null;
      }
      return { params, costs, ...(state !== null ? { state } : {}) };
    } });
    expect((await run(forgetful, picked))["oracle/train/adam/5-7-2"]).toBe("failed");
    const mnistWithOptimizers: Hello = { ...mnist, methods: ["gradients", "step", "train"], optimizers: ["sgd", "adam", "adamw"] };
    expect(checksOf(mnistWithOptimizers).map((c) => c.id).filter((id) => /^oracle\/(step|train)\/(sgd|adam)/.test(id))).toEqual([]); // above 10,000 parameters: see largeShape.ts
  });

  it("zero-rate steps single samples: synaptic's `rate || 0.1` in a one-sample-at-a-time implementation fails it, the same without the bug passes", async () => {
    const oneAtATime = (defaultRate: boolean): Implementation => at(tanhRegressor, {
      ...reference,
      step: async (r) => {
        if (r.inputs.length !== 1) throw new ImplementationError("unsupported", "one sample at a time");
        return reference.step({ ...r, learningRate: defaultRate ? r.learningRate || 0.1 : r.learningRate });
      },
    });
    const ids = ["property/step/zero-rate", "property/step/zero-rate/5-7-2"];
    expect(await run(oneAtATime(false), ids)).toEqual({ "property/step/zero-rate/5-7-2": "passed" });
    expect(await run(oneAtATime(true), ids)).toEqual({ "property/step/zero-rate/5-7-2": "failed" });
    const anyShape = { ...tanhRegressor, networks: undefined, activations: ["relu", "logistic", "tanh", "identity"] };
    expect(await run(at(anyShape as Hello, oneAtATime(true)), ["property/step/zero-rate"])).toEqual({ "property/step/zero-rate": "failed" });
  });
});
