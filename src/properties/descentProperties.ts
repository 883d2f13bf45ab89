/** Properties that the cost goes down: one small-enough gradient step, and SGD on separable font data (regression and classifier). */
import type { Check, CheckContext } from "../harness/check.ts";
import { ImplementationError, type TrainRequest } from "../implementation.ts";
import {
  FONT_CLASSIFIER_NETWORK,
  FONT_CLASSIFIER_TRAINING,
  FONT_TRAINING,
  fontClassifierRequest,
  fontTrainingRequest,
  fontTrainingSeedArb,
  gradientsRequestOf,
  networkCaseArb,
  type FontTrainingPlan,
} from "./arbitraries/index.ts";
import { armijoRate } from "./armijoRate.ts";
import { engineTolerances, stepTolerances } from "./engineTolerances.ts";
import { gradientsAnswer, stepAnswer, trainAnswer } from "./networkAnswers.ts";
import { PROPERTY_NETWORK, propertyId, type PropertyShape } from "./networks.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, namedParamEntries, rangeEntry, toleranceOf } from "./relation.ts";

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The paired SGD statistic: train on `request(seed)` and require the mean of the last window's costs to be strictly
 * below the mean of the first window's (the same samples in the same order).
 */
async function assertSgdLowersCost(id: string, seed: number, context: CheckContext, request: (seed: number) => TrainRequest, { steps, window }: FontTrainingPlan): Promise<void> {
  const { costs } = await trainAnswer(context, request(seed));
  if (costs === undefined) throw new ImplementationError("unsupported", `${id} reads train's costs, which this implementation does not return`);
  const first = mean(costs.slice(0, window));
  const last = mean(costs.slice(steps - window));
  assertRelation("SGD lowers the mean cost", [
    rangeEntry(`mean of costs[${steps - window}..${steps})`, last, Number.NEGATIVE_INFINITY, first * (1 - 2 ** -52), `strictly below the mean of costs[0..${window}) = ${first}`),
  ], { seed, firstWindowMean: first, lastWindowMean: last });
}

/**
 * The descent properties on the built-in networks or, given a declared `shape`, armijo-step on it when its cost is
 * squared_error reduced by the mean (the backtracking's exact cost); the SGD runs train on the font data, whose
 * inputs and classes fix their networks.
 */
export function descentProperties(shape?: PropertyShape): Check[] {
  const armijo = shape ?? { network: PROPERTY_NETWORK };
  const network = armijo.network;
  const { samples, steps, window, learningRate } = FONT_TRAINING;
  const armijoStep = propertyCheck({
    id: propertyId("property/descent/armijo-step", armijo),
    description: "One step with an Armijo learning rate (the largest 2^−k with C(θ − L∇C) ≤ C(θ) − ½L‖∇C‖² exactly) does not increase the implementation's own batch cost (beyond the engine's tolerances).",
    needs: { methods: ["step", "gradients"], networks: [network] },
    casesPerRun: 0.5,
    shrinkBudget: 100,
    arbitrary: () => networkCaseArb(network),
    predicate: async (c, context) => {
      const request = gradientsRequestOf(c);
      const before = engineTolerances(request, context);
      const { learningRate: L } = armijoRate(context.oracle, request, before.oracleGradients);
      const stepRequest = { ...request, learningRate: L };
      const [{ params: next }, { cost: C0 }] = await Promise.all([stepAnswer(context, stepRequest), gradientsAnswer(context, request)]);
      const { cost: C1 } = await gradientsAnswer(context, { ...request, params: next });
      const after = engineTolerances({ ...request, params: next }, context);
      // C at the implementation's θ′ differs from C at the exact θ − L·g by at most Σ |∂C/∂θ_i|·|Δθ_i| (first order)
      const tolStep = stepTolerances(stepRequest, context, before.oracleGradients);
      const g1 = namedParamEntries(after.exact.grads);
      const drift = namedParamEntries(before.exact.grads).reduce((sum, [name, g], k) => sum + 2 * Math.max(Math.abs(g), Math.abs(g1[k]![1])) * toleranceOf(tolStep, name), 0);
      const slack = 2 * toleranceOf(before.byEntry, "cost") + 2 * toleranceOf(after.byEntry, "cost") + drift;
      assertRelation(`cost after a step with L = 2^${Math.log2(L)} ≤ cost before`, [
        rangeEntry("cost after the step", C1, Number.NEGATIVE_INFINITY, C0 + slack, `cost before ${C0} + ${slack.toPrecision(3)} (2 × the engine's cost tolerances, step error × gradient)`),
      ], { learningRate: L, costBefore: C0, costAfter: C1, step: next });
    },
  });
  if (shape !== undefined) return network.cost === "squared_error" && (network.reduction ?? "mean") === "mean" ? [armijoStep] : [];
  return [
    armijoStep,
    propertyCheck({
      id: "property/descent/sgd-font",
      description: `SGD on ${samples} generated font samples (seed init, L = ${learningRate}, ${steps.toLocaleString("en-US")} steps) lowers the mean cost from the first ${window} steps to the last ${window}, which revisit the same samples in the same order (reference: worst ratio 0.58 over 2,000 seeds).`,
      needs: { methods: ["train"], networks: [network] },
      casesPerRun: 0.1,
      arbitrary: () => fontTrainingSeedArb(),
      predicate: (seed, context) => assertSgdLowersCost("property/descent/sgd-font", seed, context, fontTrainingRequest, FONT_TRAINING),
    }),
    propertyCheck({
      id: "property/descent/sgd-classifier",
      description: `SGD with the cross-entropy on ${FONT_CLASSIFIER_TRAINING.samples} generated font samples as two classes (3-3-2, ReLU then softmax, one-hot targets, uniform [0, 1) init, L = ${FONT_CLASSIFIER_TRAINING.learningRate}, ${FONT_CLASSIFIER_TRAINING.steps} steps) lowers the mean cost from the first ${FONT_CLASSIFIER_TRAINING.window} steps to the last ${FONT_CLASSIFIER_TRAINING.window}, which revisit the same samples in the same order (reference: worst ratio 0.53 over 1,000 run seeds).`,
      needs: { methods: ["train"], networks: [FONT_CLASSIFIER_NETWORK] },
      casesPerRun: 0.1,
      arbitrary: () => fontTrainingSeedArb(),
      predicate: (seed, context) => assertSgdLowersCost("property/descent/sgd-classifier", seed, context, fontClassifierRequest, FONT_CLASSIFIER_TRAINING),
    }),
  ];
}
