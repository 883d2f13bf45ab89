import type { FontData } from "../data/fontData.ts";
import { splitFontData } from "../data/splitFontData.ts";
import type { Params } from "../network/types.ts";
import { seedNetwork } from "../network/types.ts";
import type { Rng } from "../random/rng.ts";
import { initParams, train } from "../reference/index.ts";
import { classificationAccuracy } from "./classificationAccuracy.ts";

/** The seed's number of SGD steps. */
export const SEED_STEPS = 100_000;
/** The seed's learning rate L. */
export const SEED_LEARNING_RATE = 0.05;
/** The seed's test fraction (`train_test_split(test_size=1/3)`). */
export const SEED_TEST_FRACTION = 1 / 3;

/** How to train; every field defaults to the seed's value. */
export interface SeedTrainingOptions {
  readonly steps?: number;
  readonly learningRate?: number;
  readonly testFraction?: number;
}

/** What a seed-way training run produced and how well it classifies. */
export interface SeedTrainingResult {
  readonly steps: number;
  readonly learningRate: number;
  /** Wall-clock seconds spent in the reference `train` alone (from `performance.now()`). */
  readonly seconds: number;
  /** Fraction of test samples where (a2 ≥ 0.5) equals the label. */
  readonly testAccuracy: number;
  readonly trainAccuracy: number;
  readonly trainSize: number;
  readonly testSize: number;
  readonly params: Params;
}

/**
 * Trains the seed's 3-3-1 network the seed's way on `data`: uniform [0, 1) initial W and b, a random 2/3–1/3
 * train/test split, then `steps` SGD steps each on one training sample drawn uniformly with replacement
 * (`np.random.choice(n, 1)`), all drawn from independent forks of `rng` (split, init, order).
 */
export function trainSeedWay(data: FontData, rng: Rng, options: SeedTrainingOptions = {}): SeedTrainingResult {
  const steps = options.steps ?? SEED_STEPS;
  const learningRate = options.learningRate ?? SEED_LEARNING_RATE;
  if (!(Number.isSafeInteger(steps) && steps >= 0)) {
    throw new RangeError(`trainSeedWay: steps must be a non-negative integer, got ${steps}`);
  }
  if (!Number.isFinite(learningRate)) {
    throw new RangeError(`trainSeedWay: learningRate must be a finite number, got ${learningRate}`);
  }
  const splitRng = rng.fork();
  const initRng = rng.fork();
  const orderRng = rng.fork();

  const { train: trainSet, test: testSet } = splitFontData(data, splitRng, options.testFraction ?? SEED_TEST_FRACTION);
  const initial = initParams(seedNetwork, initRng, "uniform01");
  const n = trainSet.inputs.length;
  const order = Array.from({ length: steps }, () => orderRng.int(n));

  const start = performance.now();
  const { params } = train(seedNetwork, initial, trainSet.inputs, trainSet.targets, learningRate, order);
  const seconds = (performance.now() - start) / 1000;

  return {
    steps,
    learningRate,
    seconds,
    testAccuracy: classificationAccuracy(seedNetwork, params, testSet),
    trainAccuracy: classificationAccuracy(seedNetwork, params, trainSet),
    trainSize: n,
    testSize: testSet.inputs.length,
    params,
  };
}
