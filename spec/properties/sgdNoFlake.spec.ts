/**
 * The no-flake claims of property/descent/sgd-font and property/descent/sgd-classifier: over 1,000 run seeds each
 * check passes on the reference, and the last window's mean cost stays far below the first's (worst ratio < 0.7:
 * sgd-font over 2,000 further training seeds, sgd-classifier over the 1,000 runs' own).
 */
import { describe, expect, it } from "vitest";
import { FONT_CLASSIFIER_TRAINING, FONT_TRAINING, fontTrainingRequest } from "../../src/properties/index.ts";
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

describe("property/descent/sgd-classifier never flakes", () => {
  it("passes on the reference for 1,000 run seeds, the last window's mean cross-entropy below 0.7 × the first's", async () => {
    const check = property("property/descent/sgd-classifier");
    const { steps, window } = FONT_CLASSIFIER_TRAINING;
    const failed: string[] = [];
    const starts = new Set<number>();
    let worst = 0;
    const watched = {
      ...reference,
      train: async (r: Parameters<typeof reference.train>[0]) => {
        starts.add(r.params[0]!.W[0]![0]!);
        const answer = await reference.train(r);
        worst = Math.max(worst, mean(answer.costs!.slice(steps - window)) / mean(answer.costs!.slice(0, window)));
        return answer;
      },
    };
    for (let seed = 1; seed <= 1000; seed++) {
      const outcome = await runProperty(check, watched, { runs: 1, seed });
      if (outcome.status !== "passed") failed.push(`seed ${seed}: ${outcome.message}`);
    }
    console.log(`sgd-classifier: worst last/first window ratio over 1,000 run seeds = ${worst.toFixed(3)}`);
    expect(failed).toEqual([]);
    expect(starts.size).toBeGreaterThan(990);
    expect(worst).toBeLessThan(0.7);
  });
});
