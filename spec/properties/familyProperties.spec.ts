/**
 * The properties of the classifier family (softmax, cross-entropy, BCE, leaky ReLU, softplus, silu): each fails on a
 * deliberately wrong implementation, and none is sent to an implementation that declares only today's hello.
 */
import { describe, expect, it } from "vitest";
import { propertyChecks } from "../../src/checks/propertyChecks.ts";
import { unmetNeeds } from "../../src/harness/unmetNeeds.ts";
import { METHODS, type Hello } from "../../src/implementation.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { reference } from "../../src/reference/index.ts";
import { property, runProperty } from "./runProperty.ts";
import { WRONG_IMPLEMENTATIONS } from "./wrongImplementations.ts";

/** The 25 property ids of the seed's family (before issue 8), each with today's meaning. */
const SEED_FAMILY_PROPERTIES = [
  "property/relu/idempotent", "property/relu/nonnegative", "property/relu/identity-on-nonnegative", "property/relu/odd-part", "property/relu/derivative",
  "property/logistic/bounded", "property/logistic/monotone", "property/logistic/symmetry", "property/logistic/derivative-identity", "property/logistic/derivative-range",
  "property/cost/nonnegative", "property/cost/zero-iff-at-target", "property/cost/output-gradient",
  "property/gradients/oracle", "property/gradients/batch-mean", "property/gradients/order-invariant", "property/gradients/dead-unit",
  "property/step/own-gradient", "property/step/zero-rate", "property/train/single-sample", "property/train/fold",
  "property/descent/armijo-step", "property/descent/sgd-font",
  "property/metamorphic/permute-hidden", "property/metamorphic/relu-rescale",
];

const checks = propertyChecks();
const oracle = createOracle();

describe("the classifier family's properties", () => {
  it("are every property beyond the seed family's, each with a wrong implementation in the table", () => {
    const added = checks.map((c) => c.id).filter((id) => !SEED_FAMILY_PROPERTIES.includes(id));
    expect(added.length).toBe(13);
    expect(WRONG_IMPLEMENTATIONS.map((w) => w.id).sort()).toEqual([...added].sort());
  });

  it.each(WRONG_IMPLEMENTATIONS.map((w) => [w.id, w.bug, w] as const))("%s fails on: %s", async (id, _bug, { implementation }) => {
    const outcome = await runProperty(property(id), implementation, { runs: 40, seed: 4 });
    expect(outcome.status, outcome.message).toBe("failed");
    expect(outcome.details?.replay).toMatch(new RegExp(` --only ${id.replace(/\//g, "\\/")} --replay \\d+(:\\d+)*$`));
    // (the reference, the examples and the textbook implementations pass them: propertyChecks.spec.ts, spec/cli/examplesPassEveryCheck.spec.ts)
  });

  it("are skipped, with the reason, for an implementation that declares only today's hello", async () => {
    // a hello of before issue 8 (examples/mutants/plain.ts declared this one; it now answers the whole family)
    const today: Hello = { protocol: 1, name: "seed-era", dtype: "float64", methods: [...METHODS], activations: ["relu", "logistic", "tanh", "identity"] };
    const runnable = checks.filter((c) => unmetNeeds(c.needs, today) === undefined).map((c) => c.id);
    expect(runnable).toEqual(SEED_FAMILY_PROPERTIES);
    // declaring the new activations without the new costs still skips every cost and descent property of the classifiers
    const activationsOnly: Hello = { ...today, activations: [...(await reference.hello()).activations] };
    const reasons = checks.filter((c) => !SEED_FAMILY_PROPERTIES.includes(c.id)).map((c) => [c.id, unmetNeeds(c.needs, activationsOnly)] as const);
    for (const [id, reason] of reasons) {
      if (/^property\/(cost|descent)\//.test(id)) expect(reason, id).toMatch(/needs cost "(cross_entropy|binary_cross_entropy)"/);
      else expect(reason, id).toBeUndefined();
    }
    const all = await reference.hello();
    expect(checks.filter((c) => unmetNeeds(c.needs, all) !== undefined).map((c) => c.id)).toEqual([]);
  });
});

describe("property/cost/cross-entropy-zero-iff-hit", () => {
  it("puts the hit class's logit 40–48 above the others, checked on the exact forward pass", async () => {
    const hits: number[] = [];
    let calls = 0; // each case sends its hit, miss and soft requests in that order
    const watched = {
      ...reference,
      gradients: async (r: Parameters<typeof reference.gradients>[0]) => {
        if (calls++ % 3 === 0) {
          const hot = r.targets[0]!.indexOf(1);
          expect(r.targets.every((y) => y[hot] === 1)).toBe(true);
          const z = oracle.forward(r.network, r.params, r.inputs).at(-1)!.z;
          hits.push(Math.min(...z.flatMap((zs) => zs.map((zj, j) => (j === hot ? Infinity : zs[hot]!.minus(zj).toNumber()))))); // the case's tightest margin
        }
        return reference.gradients(r);
      },
    };
    expect((await runProperty(property("property/cost/cross-entropy-zero-iff-hit"), watched, { runs: 20, seed: 6 })).status).toBe("passed");
    expect(hits).toHaveLength(20);
    expect(Math.min(...hits)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...hits)).toBeLessThanOrEqual(48 + 2 ** -10); // the margin drawn from [40, 48], on a 2^−10 grid
  });

});
