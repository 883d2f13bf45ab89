import { describe, expect, it } from "vitest";
import seedPort from "../../examples/seed-port/seedPort.ts";
import { trainLikeSeed } from "../../examples/seed-port/trainLikeSeed.ts";
import { workedExample as workedExampleRequest } from "../../examples/seed-port/workedExample.ts";
import { auditActivation } from "../../src/activationAudit/index.ts";
import { randomCase } from "../../src/cases/index.ts";
import { generateFontData } from "../../src/data/index.ts";
import { diagnose } from "../../src/diagnosis/index.ts";
import { compareForward, compareGradients, exactGradientsWithScales } from "../../src/gradcheck/index.ts";
import type { GradientsRequest } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createOracle, toNumberParams } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { trainSeedWay } from "../../src/training/index.ts";

const oracle = createOracle();
const SEED = Number(process.env.NNCHECK_SEED ?? 7);
const options = { dtype: "float64", oracle } as const;

const workedExample = workedExampleRequest(0);

/** Seeded one-sample cases of the seed network with hidden units on and off. */
const cases: GradientsRequest[] = Array.from({ length: 8 }, (_, k) => {
  const c = randomCase(createRng(SEED + k), seedNetwork, 1, { paramRange: [-1, 1], inputRange: [0, 1] });
  return { network: seedNetwork, params: c.params, inputs: c.inputs, targets: c.targets };
});

describe("the seed port (the published code, bugs included)", () => {
  it("declares only the seed network, float64, relu and logistic", async () => {
    expect(await seedPort.hello()).toMatchObject({ dtype: "float64", activations: ["relu", "logistic"], networks: [{ layers: [3, 3, 1], activations: ["relu", "logistic"] }] });
    const other = { ...workedExample, network: { ...seedNetwork, activations: ["tanh", "logistic"] as const } };
    await expect(seedPort.forward(other)).rejects.toMatchObject({ code: "unsupported" });
  });

  it("computes the forward pass right, on the worked example and on batches", async () => {
    const z2 = (await seedPort.forward(workedExample)).layers[1]!.z[0]![0]!;
    expect(z2).toBeCloseTo(3.0378364795204, 12); // the chapter: A2 = logistic([3.0378364795204])
    for (const request of [workedExample, ...cases, { ...cases[0]!, inputs: cases.map((c) => c.inputs[0]!) }]) {
      expect(compareForward(request, await seedPort.forward(request), options).failures).toEqual([]);
    }
  });

  it("gets W2, b2 and the cost right and W1, b1 wrong, diagnosed as rows summed over the hidden units", async () => {
    let flagged = 0;
    for (const request of [workedExample, ...cases]) {
      const actual = await seedPort.gradients(request);
      const withScales = exactGradientsWithScales(request, options);
      const comparison = compareGradients(request, actual, options, withScales);
      expect(comparison.entries.filter((e) => /^(cost|W2|b2)/.test(e.entry) && !e.ok)).toEqual([]);
      expect(comparison.failures.every((e) => /^(W1|b1)\[/.test(e.entry))).toBe(true);
      // Independently of the diagnosis: every row of the port's dC/dW1 is the sum of the exact rows.
      const exactW1 = withScales.exact.grads[0]!.W;
      const sumRow = exactW1[0]!.map((_, j) => exactW1.reduce((s, row) => s + row[j]!, 0));
      for (const row of actual.grads[0]!.W) row.forEach((x, j) => expect(x).toBeCloseTo(sumRow[j]!, 14));
      if (comparison.ok) continue; // every hidden unit off: all of δ1 is 0, and so is its sum
      flagged++;
      const hints = diagnose(request, withScales.exact, actual, comparison);
      expect(hints.map((h) => h.kind)).toEqual(["broadcast-rows"]);
      expect(hints[0]!.message).toMatch(/^every row of dC\/dW1 is the sum of the exact rows, and every entry of dC\/db1 is the sum of the exact entries: .*seed's published backward_prop/);
    }
    expect(flagged).toBeGreaterThanOrEqual(5);
  });

  it("answers batches of gradients and steps with 'unsupported', quoting numpy's error", async () => {
    const batch = { ...cases[0]!, inputs: [cases[0]!.inputs[0]!, cases[1]!.inputs[0]!], targets: [[0], [1]] };
    await expect(seedPort.gradients(batch)).rejects.toMatchObject({ code: "unsupported", message: expect.stringMatching(/numpy raises ValueError: matmul: .*\(size 1 is different from 2\)/) });
    await expect(seedPort.step({ ...batch, learningRate: 0.05 })).rejects.toMatchObject({ code: "unsupported" });
  });

  it("updates every row of W1 by the same amount, as numpy's broadcasting -= does", async () => {
    const { params } = await seedPort.step({ ...workedExample, learningRate: 0.05 });
    const moved = params[0]!.W.map((row, i) => row.map((w, j) => w - workedExample.params[0]!.W[i]![j]!));
    moved.forEach((row) => row.forEach((d, j) => expect(d).toBeCloseTo(moved[0]![j]!, 15)));
    const exactStep = toNumberParams(oracle.step(seedNetwork, workedExample.params, workedExample.inputs, workedExample.targets, 0.05).params);
    expect(params[1]!.W[0]![0]).toBeCloseTo(exactStep[1]!.W[0]![0]!, 14); // the output layer's step is right
  });

  it("has the printed d_logistic: 0 from (1 + e)² overflowing, NaN below −709.78, and the audit fails it", async () => {
    const { derivative } = await seedPort.activation({ name: "logistic", x: [-354.8, -355, -709.78, -709.79, -1000] });
    expect(derivative[0]).toBeGreaterThan(0);
    expect(derivative.slice(1, 3)).toEqual([0, 0]);
    expect(derivative.slice(3).every(Number.isNaN)).toBe(true);
    const audit = await auditActivation(seedPort, "logistic", { dtype: "float64" });
    expect(audit.ok).toBe(false);
    expect(audit.derivative.nonFinite.length).toBeGreaterThan(0);
    expect(audit.derivative.nonFinite.every((x) => x < -709.78)).toBe(true);
    expect(audit.failures).toEqual([expect.stringMatching(/^logistic′\(x\) is not finite at \d+ inputs in \[-1000, -710\]/)]);
    expect((await auditActivation(seedPort, "relu", { dtype: "float64" })).ok).toBe(true);
  });

  it("still learns the seed's task with its own update (10,000 steps on generated data; the script runs 100,000)", async () => {
    const run = await trainLikeSeed(seedPort, generateFontData(createRng(99)), createRng(1), { steps: 10_000 });
    expect(run.testAccuracy).toBeGreaterThan(0.9);
    // trainLikeSeed draws exactly as src/training's trainSeedWay does: on the reference they agree bit for bit.
    const data = generateFontData(createRng(5), 200);
    expect((await trainLikeSeed(reference, data, createRng(3), { steps: 500 })).params).toEqual(trainSeedWay(data, createRng(3), { steps: 500 }).params);
  });
});
