/** Properties of `step` and `train`: a step follows the implementation's own gradients, and train is a fold of steps. */
import fc from "fast-check";
import { diagnoseStep } from "../diagnosis/index.ts";
import { compareStep, oracleGradientsFor } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import type { Params } from "../network/types.ts";
import { gradientsRequestOf, networkCaseArb, stepRequestOf } from "./arbitraries/index.ts";
import { engineTolerances, stepTolerances, trainTolerances } from "./engineTolerances.ts";
import { gradientsAnswer, stepAnswer, trainAnswer } from "./networkAnswers.ts";
import { PROPERTY_NETWORK, propertyId, type PropertyShape } from "./networks.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, namedParamEntries, paramsRelation, relationEntry, toleranceOf } from "./relation.ts";

const U64 = 2 ** -53;
const BOTH_SIDES = "2 × the engine's tolerance on each side";

/** The step and train properties on `shape` (default the built-in network): every one fits any network. */
export function stepProperties(shape: PropertyShape = { network: PROPERTY_NETWORK }): Check[] {
  const { network } = shape;
  return [
    propertyCheck({
      id: propertyId("property/step/own-gradient", shape),
      description: "step(θ) = θ − L·∇C(θ) with ∇C the implementation's own gradients.",
      needs: { methods: ["step", "gradients"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => networkCaseArb(network),
      predicate: async (c, context) => {
        const request = stepRequestOf(c);
        const [{ params }, { grads }] = await Promise.all([stepAnswer(context, request), gradientsAnswer(context, gradientsRequestOf(c))]);
        const tolG = engineTolerances(request, context);
        const tolStep = stepTolerances(request, context, tolG.oracleGradients);
        const L = c.learningRate;
        const g = namedParamEntries(grads);
        const got = namedParamEntries(params);
        const entries = namedParamEntries(c.params).map(([name, theta], k) => {
          const Lg = L * g[k]![1];
          const tolerance = 2 * toleranceOf(tolStep, name) + 2 * Math.abs(L) * toleranceOf(tolG.byEntry, name) + U64 * (Math.abs(theta) + 2 * Math.abs(Lg));
          return relationEntry(name, theta - Lg, got[k]![1], tolerance, `θ − L·g with its own g = ${g[k]![1]}; ${BOTH_SIDES}`);
        });
        assertRelation(`step = θ − L·(own gradients), L = ${L}`, entries, { step: params, grads });
      },
    }),
    propertyCheck({
      id: propertyId("property/step/zero-rate", shape),
      description: "A step with L = 0 on one sample returns θ (within the engine's step tolerance): a rate of 0 is not replaced by a default (`rate || 0.1`), even by an implementation that steps one sample at a time.",
      needs: { methods: ["step"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      // single samples: an implementation that cannot take batches answers them, so it cannot escape by "unsupported"
      arbitrary: () => networkCaseArb(network, { maxBatch: 1 }),
      predicate: async (c, context) => {
        const request = stepRequestOf(c, 0);
        const answer = await stepAnswer(context, request);
        const options = { dtype: context.dtype, oracle: context.oracle };
        const exact = oracleGradientsFor(request, options);
        const comparison = compareStep(request, answer, options, exact);
        assertRelation("step with L = 0 returns θ", comparison.entries, { step: answer.params }, undefined, () => diagnoseStep(request, answer, comparison, options, exact));
      },
    }),
    propertyCheck({
      id: propertyId("property/train/single-sample", shape),
      description: "train over the order [i] equals step on sample i alone.",
      needs: { methods: ["train", "step"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network), pick: fc.nat(3) }),
      predicate: async ({ c, pick }, context) => {
        const i = pick % c.inputs.length;
        const single = { ...stepRequestOf(c), inputs: [c.inputs[i]!], targets: [c.targets[i]!] };
        const [trained, stepped] = await Promise.all([trainAnswer(context, { ...stepRequestOf(c), order: [i] }), stepAnswer(context, single)]);
        const tolerance = stepTolerances(single, context);
        const entries = paramsRelation(stepped.params, trained.params, (name) => 4 * toleranceOf(tolerance, name), BOTH_SIDES);
        assertRelation(`train over [${i}] = step on sample ${i}`, entries, { train: trained.params, step: stepped.params });
      },
    }),
    propertyCheck({
      id: propertyId("property/train/fold", shape),
      description: "train over an order of 2–5 steps equals single-sample steps applied one after another.",
      needs: { methods: ["train", "step"], networks: [network] },
      casesPerRun: 0.5,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network), picks: fc.array(fc.nat(3), { minLength: 2, maxLength: 5 }) }),
      predicate: async ({ c, picks }, context) => {
        const order = picks.map((p) => p % c.inputs.length);
        const request = { ...stepRequestOf(c), order };
        const trained = await trainAnswer(context, request);
        let folded: Params = c.params;
        for (const s of order) {
          folded = (await stepAnswer(context, { ...stepRequestOf(c), params: folded, inputs: [c.inputs[s]!], targets: [c.targets[s]!] })).params;
        }
        const tolerance = trainTolerances(request, context);
        const entries = paramsRelation(folded, trained.params, (name) => 4 * toleranceOf(tolerance, name), `${BOTH_SIDES}, scales carried over ${order.length} steps`);
        assertRelation(`train over [${order.join(", ")}] = fold of steps`, entries, { train: trained.params, fold: folded });
      },
    }),
  ];
}
