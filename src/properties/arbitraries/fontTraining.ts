import fc from "fast-check";
import { generateFontData } from "../../data/index.ts";
import type { TrainRequest } from "../../implementation.ts";
import { seedNetwork, type NetworkSpec } from "../../network/types.ts";
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

/**
 * The font data as a two-class classifier: the seed's 3-3 ReLU layer, a softmax over (dark, light) and the
 * cross-entropy (per sample −Σ y ln a, the mean over the batch).
 */
export const FONT_CLASSIFIER_NETWORK: NetworkSpec = { layers: [3, 3, 2], activations: ["relu", "softmax"], cost: "cross_entropy" };

/** 100 samples, 500 steps, windows of 100, L = 0.15: the classifier learns in fewer steps than the seed's network. */
export const FONT_CLASSIFIER_TRAINING: FontTrainingPlan = { samples: 100, steps: 500, window: 100, learningRate: 0.15 };

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
  return trainingRequest(seed, plan, seedNetwork, (label) => [label]);
}

/**
 * The same run for FONT_CLASSIFIER_NETWORK (default plan FONT_CLASSIFIER_TRAINING): one-hot targets (1, 0) for a
 * dark font and (0, 1) for a light one, the same uniform [0, 1) initial params (every hidden unit starts alive on
 * the non-negative inputs), paired first and last windows. All from `seed`.
 */
export function fontClassifierRequest(seed: number, plan: FontTrainingPlan = FONT_CLASSIFIER_TRAINING): TrainRequest {
  return trainingRequest(seed, plan, FONT_CLASSIFIER_NETWORK, (label) => [label, 1 - label]);
}

function trainingRequest(seed: number, plan: FontTrainingPlan, network: NetworkSpec, target: (label: number) => number[]): TrainRequest {
  if (!(plan.window >= 1 && 2 * plan.window <= plan.steps)) {
    throw new RangeError(`fontTrainingRequest: expected 1 ≤ window ≤ steps / 2, got window ${plan.window} and steps ${plan.steps}`);
  }
  const rng = createRng(seed);
  const data = generateFontData(rng.fork(), plan.samples);
  const params = initParams(network, rng.fork(), "uniform01");
  const orderRng = rng.fork();
  const draw = (count: number) => Array.from({ length: count }, () => orderRng.int(plan.samples));
  const window = draw(plan.window);
  const order = [...window, ...draw(plan.steps - 2 * plan.window), ...window];
  const targets = data.targets.map(([label]) => target(label!));
  return { network, params, inputs: data.inputs, targets, learningRate: plan.learningRate, order };
}
