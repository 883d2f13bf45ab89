import { describe, expect, it } from "vitest";
import { generateFontData, loadFontCsv } from "../../src/data/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { SEED_LEARNING_RATE, SEED_STEPS, trainSeedWay } from "../../src/training/index.ts";
import { REAL_DATA_NOTE, REAL_DATA_PATH, REAL_DATA_PRESENT } from "../data/realData.ts";

/** The CLI's way of seeding a run: data from the first fork, training from the rest of the stream. */
function seedWayRun(seed: number, steps?: number): ReturnType<typeof trainSeedWay> {
  const rng = createRng(seed);
  const data = generateFontData(rng.fork());
  return trainSeedWay(data, rng, steps === undefined ? {} : { steps });
}

describe("trainSeedWay", () => {
  it("defaults to the seed's 100,000 steps at L = 0.05 on a 896/449 split", () => {
    expect(SEED_STEPS).toBe(100_000);
    expect(SEED_LEARNING_RATE).toBe(0.05);
    const result = seedWayRun(1);
    expect(result.steps).toBe(100_000);
    expect(result.learningRate).toBe(0.05);
    expect(result.trainSize).toBe(896);
    expect(result.testSize).toBe(449);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const { seconds: _a, ...once } = seedWayRun(5, 3000);
    const { seconds: _b, ...again } = seedWayRun(5, 3000);
    const { seconds: _c, ...other } = seedWayRun(6, 3000);
    expect(again).toEqual(once);
    expect(other.params).not.toEqual(once.params);
  });

  it("starts from uniform [0, 1) weights and biases (0 steps) and training moves them", () => {
    const untrained = seedWayRun(2, 0);
    const values = untrained.params.flatMap(({ W, b }) => [...W.flat(), ...b]);
    expect(values).toHaveLength(9 + 3 + 3 + 1);
    for (const v of values) expect(v >= 0 && v < 1, `initial value ${v}`).toBe(true);
    expect(seedWayRun(2, 100).params).not.toEqual(untrained.params);
  });

  it("prints test accuracy ≥ 0.97 for the CLI's default seed (what `npm start` shows)", () => {
    expect(seedWayRun(1).testAccuracy).toBeGreaterThanOrEqual(0.97);
  });

  // Measured over seeds 1–300 with the defaults: mean 0.988, sd 0.009, min 0.960, and 11 of 300 seeds (3.7%)
  // below 0.97, so "≥ 0.97 for each of 20 seeds" would hold for only about half of all ranges of 20 seeds.
  // What holds for every seed range: each seed ≥ 0.95, and the mean of 20 ≥ 0.98 (4 sd of the mean below 0.988).
  it("reaches test accuracy ≥ 0.95 for each of 20 seeds, mean ≥ 0.98, with the defaults", () => {
    const accuracies = Array.from({ length: 20 }, (_, k) => ({ seed: k + 1, accuracy: seedWayRun(k + 1).testAccuracy }));
    const worst = accuracies.reduce((a, b) => (b.accuracy < a.accuracy ? b : a));
    const mean = accuracies.reduce((s, a) => s + a.accuracy, 0) / accuracies.length;
    const below97 = accuracies.filter((a) => a.accuracy < 0.97).map((a) => a.seed);
    console.log(`trainSeedWay, seeds 1–20, defaults: min test accuracy ${worst.accuracy.toFixed(4)} (seed ${worst.seed}), ` +
      `mean ${mean.toFixed(4)}, seeds below 0.97: [${below97.join(", ")}]`);
    for (const { seed, accuracy } of accuracies) expect(accuracy, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    expect(mean).toBeGreaterThanOrEqual(0.98);
  });

  // Real CSV, seeds 1–300: mean 0.988, min 0.962, 5 of 300 below 0.97 (seed 2 gives 0.964).
  it.skipIf(!REAL_DATA_PRESENT)(`reaches test accuracy ≥ 0.95 on the real CSV for seeds 1–5 ${REAL_DATA_NOTE}`, () => {
    const data = loadFontCsv(REAL_DATA_PATH);
    for (let seed = 1; seed <= 5; seed++) {
      const result = trainSeedWay(data, createRng(seed));
      console.log(`trainSeedWay, real CSV, seed ${seed}: test accuracy ${result.testAccuracy.toFixed(4)}`);
      expect(result.testAccuracy, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("rejects bad steps and learning rates", () => {
    const data = generateFontData(createRng(1), 30);
    expect(() => trainSeedWay(data, createRng(1), { steps: -1 })).toThrow("steps must be a non-negative integer, got -1");
    expect(() => trainSeedWay(data, createRng(1), { steps: 1.5 })).toThrow("got 1.5");
    expect(() => trainSeedWay(data, createRng(1), { learningRate: NaN })).toThrow("learningRate must be a finite number, got NaN");
  });
});
