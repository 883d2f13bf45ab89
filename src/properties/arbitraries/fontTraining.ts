import fc from "fast-check";
import { generateFontData } from "../../data/index.ts";
import type { TrainRequest } from "../../implementation.ts";
import { seedNetwork } from "../../network/types.ts";
import { createRng } from "../../random/rng.ts";
import { initParams } from "../../reference/index.ts";

/** The SGD run of the "cost decreases" property: sizes and the seed's learning rate. */
export interface FontTrainingPlan {
  /** Generated font samples. */
  readonly samples: number;
  /** SGD steps (one sample each). */
  readonly steps: number;
  /** Steps per window; the first and the last window visit the same samples in the same order. */
  readonly window: number;
  readonly learningRate: number;
}

/** 200 samples, 2,000 steps, windows of 200, L = 0.05 (the seed's). */
export const FONT_TRAINING: FontTrainingPlan = { samples: 200, steps: 2000, window: 200, learningRate: 0.05 };

/** Seeds of font-training runs: uniform 31-bit values (no bias toward 0 or the ends; nothing to shrink in a seed). */
export function fontTrainingSeedArb(): fc.Arbitrary<number> {
  return fc.noShrink(fc.noBias(fc.integer({ min: 0, max: 2 ** 31 - 1 })));
}

/**
 * The seed network trained on `plan.samples` generated font samples (`generateFontData`), from the seed's
 * uniform [0, 1) initial params, for `plan.steps` steps whose first and last `plan.window` steps are the same
 * samples in the same order (a paired comparison: the drop in cost is not the luck of the draw). All from `seed`.
 */
export function fontTrainingRequest(seed: number, plan: FontTrainingPlan = FONT_TRAINING): TrainRequest {
  if (!(plan.window >= 1 && 2 * plan.window <= plan.steps)) {
    throw new RangeError(`fontTrainingRequest: expected 1 ≤ window ≤ steps / 2, got window ${plan.window} and steps ${plan.steps}`);
  }
  const rng = createRng(seed);
  const data = generateFontData(rng.fork(), plan.samples);
  const params = initParams(seedNetwork, rng.fork(), "uniform01");
  const orderRng = rng.fork();
  const draw = (count: number) => Array.from({ length: count }, () => orderRng.int(plan.samples));
  const window = draw(plan.window);
  const order = [...window, ...draw(plan.steps - 2 * plan.window), ...window];
  return { network: seedNetwork, params, inputs: data.inputs, targets: data.targets, learningRate: plan.learningRate, order };
}
