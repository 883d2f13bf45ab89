/**
 * The no-flake claim of property/descent/sgd-font: over 1,000 run seeds the check passes on the reference, and
 * over 2,000 distinct training seeds the last window's mean cost stays far below the first's (worst ratio < 0.7).
 */
import { describe, expect, it } from "vitest";
import { FONT_TRAINING, fontTrainingRequest } from "../../src/properties/index.ts";
import { train } from "../../src/reference/index.ts";
import { reference } from "../../src/reference/index.ts";
import { property, runProperty } from "./runProperty.ts";

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("property/descent/sgd-font never flakes", () => {
  it("passes on the reference for 1,000 run seeds", async () => {
    const check = property("property/descent/sgd-font");
    const failed: string[] = [];
    const starts = new Set<number>(); // W1[0][0] of each run's initial params: the training seeds differ
    const watched = { ...reference, train: async (r: Parameters<typeof reference.train>[0]) => (starts.add(r.params[0]!.W[0]![0]!), reference.train(r)) };
    for (let seed = 1; seed <= 1000; seed++) {
      const outcome = await runProperty(check, watched, { runs: 1, seed });
      if (outcome.status !== "passed") failed.push(`seed ${seed}: ${outcome.message}`);
    }
    expect(failed).toEqual([]);
    expect(starts.size).toBeGreaterThan(990);
  });

  it("keeps the last window's mean cost below 0.7 × the first's over 2,000 training seeds", () => {
    const { steps, window } = FONT_TRAINING;
    let worst = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const r = fontTrainingRequest(seed);
      const { costs } = train(r.network, r.params, r.inputs, r.targets, r.learningRate, r.order, { recordCosts: true });
      worst = Math.max(worst, mean(costs!.slice(steps - window)) / mean(costs!.slice(0, window)));
    }
    console.log(`sgd-font: worst last/first window ratio over 2,000 seeds = ${worst.toFixed(3)}`);
    expect(worst).toBeLessThan(0.7);
  });

  it("pairs its windows: the last window revisits the first window's samples in the same order", () => {
    const { steps, window } = FONT_TRAINING;
    const { order, inputs } = fontTrainingRequest(123);
    expect(order).toHaveLength(steps);
    expect(inputs).toHaveLength(FONT_TRAINING.samples);
    expect(order.slice(steps - window)).toEqual(order.slice(0, window));
    expect(fontTrainingRequest(123)).toEqual(fontTrainingRequest(123));
  });
});
