/**
 * The seed's experiment for any implementation: the same draws as `trainSeedWay` (src/training) — split, uniform
 * [0, 1) init and sample order from three forks of one rng, in that order — but the training and the accuracy go
 * through the implementation's own `train` and `forward`, so the published code is trained with its own update.
 */
import type { FontData } from "../../src/data/index.ts";
import { splitFontData } from "../../src/data/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import { seedNetwork, type Matrix, type Params } from "../../src/network/types.ts";
import type { Rng } from "../../src/random/rng.ts";
import { initParams } from "../../src/reference/index.ts";
import { SEED_LEARNING_RATE, SEED_STEPS, SEED_TEST_FRACTION } from "../../src/training/index.ts";

/** What one run produced: accuracies as the printed code computes them ((A2 ≥ .5) == Y, averaged). */
export interface SeedRun {
  readonly testAccuracy: number;
  readonly trainAccuracy: number;
  readonly params: Params;
  readonly seconds: number;
}

/** The fraction of samples whose `forward` output a2 ≥ 0.5 equals the label, as the seed's accuracy code. */
export async function accuracyOf(implementation: Implementation, params: Params, inputs: Matrix, targets: Matrix): Promise<number> {
  const { layers } = await implementation.forward({ network: seedNetwork, params, inputs });
  const a2 = layers[layers.length - 1]!.a;
  return a2.filter((a, s) => (a[0]! >= 0.5 ? 1 : 0) === targets[s]![0]).length / inputs.length;
}

/** Trains `implementation` the seed's way (`steps` SGD steps, L = 0.05 by default) and measures its accuracy. */
export async function trainLikeSeed(implementation: Implementation, data: FontData, rng: Rng, options: { steps?: number; learningRate?: number } = {}): Promise<SeedRun> {
  const steps = options.steps ?? SEED_STEPS;
  const splitRng = rng.fork(), initRng = rng.fork(), orderRng = rng.fork();
  const { train, test } = splitFontData(data, splitRng, SEED_TEST_FRACTION);
  const initial = initParams(seedNetwork, initRng, "uniform01");
  const order = Array.from({ length: steps }, () => orderRng.int(train.inputs.length));
  const start = performance.now();
  const { params } = await implementation.train({ network: seedNetwork, params: initial, inputs: train.inputs, targets: train.targets, learningRate: options.learningRate ?? SEED_LEARNING_RATE, order });
  const seconds = (performance.now() - start) / 1000;
  return {
    testAccuracy: await accuracyOf(implementation, params, test.inputs, test.targets),
    trainAccuracy: await accuracyOf(implementation, params, train.inputs, train.targets),
    params,
    seconds,
  };
}
