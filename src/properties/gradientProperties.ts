/** Properties of `gradients`: agreement with the exact oracle (kinks included), batch means, sample order, dead units. */
import fc from "fast-check";
import { biasName, compareGradients, DTYPES, SAFETY, weightName } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import type { LayerParams, Matrix } from "../network/types.ts";
import { deadUnitCaseArb, gradientsRequestOf, kinkCaseArb, networkCaseArb } from "./arbitraries/index.ts";
import { engineTolerances, oracleRemark } from "./engineTolerances.ts";
import { gradientsAnswer } from "./networkAnswers.ts";
import { meanOverSamples, PROPERTY_NETWORK, propertyId, reluFirstLayer, type PropertyShape } from "./networks.ts";
import { permutationOf } from "./permutationOf.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { PropertyFailure } from "./PropertyFailure.ts";
import { assertRelation, namedGradients, ownRounding, paramsRelation, relationEntry, toleranceOf } from "./relation.ts";

const U64 = 2 ** -53;

/**
 * The gradient properties on `shape` (default the built-in network), those that fit it: batch-mean where the batch
 * cost is a mean over the samples, the kink cases and dead-unit where the first layer is ReLU.
 */
export function gradientProperties(shape: PropertyShape = { network: PROPERTY_NETWORK }): Check[] {
  const { network } = shape;
  const needs = { methods: ["gradients" as const], networks: [network] };
  const relu = reluFirstLayer(network);
  return [
    propertyCheck({
      id: propertyId("property/gradients/oracle", shape),
      description: `Cost and gradients agree with the exact oracle entry by entry (engine tolerances for the declared dtype) on random cases${relu ? ", half of them with first-layer ReLU inputs driven exactly onto the kink or 2^−40 / 2^−20 beside it" : ""}.`,
      needs,
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => (relu ? fc.oneof(networkCaseArb(network), kinkCaseArb(network)) : networkCaseArb(network)),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const answer = await gradientsAnswer(context, request);
        const comparison = compareGradients(request, answer, { dtype: context.dtype, oracle: context.oracle });
        if (comparison.ok) return;
        const worst = [...comparison.failures].sort((a, b) => b.absError / b.tolerance - a.absError / a.tolerance);
        const named = worst.slice(0, 3).map((e) => `${e.entry}: ${e.actual} vs exact ${e.expected}`).join("; ");
        throw new PropertyFailure(`gradients disagree with the exact oracle: ${comparison.problems[0] ?? `${worst.length} of ${comparison.entries.length} entries wrong (${named})`}`, {
          entries: worst.slice(0, 24),
          problems: comparison.problems,
          observed: answer,
        });
      },
    }),
    ...(!meanOverSamples(network) ? [] : [propertyCheck({
      id: propertyId("property/gradients/batch-mean", shape),
      description: "The cost and gradients of a batch are the means of those of its samples taken one at a time.",
      needs,
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => networkCaseArb(network, { minBatch: 2 }),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const singles = c.inputs.map((x, s) => ({ ...request, inputs: [x], targets: [c.targets[s]!] }));
        const [batch, ...each] = await Promise.all([request, ...singles].map((r) => gradientsAnswer(context, r)));
        const exactBatch = engineTolerances(request, context);
        const tolBatch = exactBatch.byEntry;
        const tolEach = singles.map((r) => engineTolerances(r, context).byEntry);
        const n = singles.length;
        const terms = n + Math.max(...network.layers) + 1;
        const eachNamed = each.map(namedGradients);
        const entries = namedGradients(batch!).map(([name, value], k) => {
          const parts = eachNamed.map((e) => e[k]![1]);
          const mean = parts.reduce((sum, v) => sum + v, 0) / n;
          const tolerance = 2 * toleranceOf(tolBatch, name) + (2 / n) * tolEach.reduce((sum, t) => sum + toleranceOf(t, name), 0) + (n + 1) * U64 * parts.reduce((sum, v) => sum + Math.abs(v), 0) / n + ownRounding(mean, value, terms, context.dtype);
          return relationEntry(name, mean, value, tolerance, `mean of ${n} single-sample answers; 2 × the engine's tolerance on each side`);
        });
        assertRelation("batch gradients = mean of per-sample gradients", entries, { batch, singles: each }, () => oracleRemark(exactBatch, namedGradients(batch!)));
      },
    })]),
    propertyCheck({
      id: propertyId("property/gradients/order-invariant", shape),
      description: "Permuting the samples of a batch leaves the cost and gradients unchanged.",
      needs,
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network, { minBatch: 2 }), keys: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }) }),
      predicate: async ({ c, keys }, context) => {
        const request = gradientsRequestOf(c);
        const order = permutationOf(keys, c.inputs.length);
        const permuted = { ...request, inputs: order.map((s) => c.inputs[s]!), targets: order.map((s) => c.targets[s]!) };
        const [original, shuffled] = await Promise.all([gradientsAnswer(context, request), gradientsAnswer(context, permuted)]);
        const exact = engineTolerances(request, context); // rounding scales do not depend on the order of the samples
        const { byEntry } = exact;
        const terms = c.inputs.length + Math.max(...network.layers) + 1;
        const tolerance = (name: string, a: number, b: number) => 4 * toleranceOf(byEntry, name) + ownRounding(a, b, terms, context.dtype);
        const entries = [
          relationEntry("cost", original.cost, shuffled.cost, tolerance("cost", original.cost, shuffled.cost), "2 × the engine's tolerance on each side"),
          ...paramsRelation(original.grads, shuffled.grads, tolerance, "2 × the engine's tolerance on each side, and their own rounding"),
        ];
        assertRelation(`gradients of samples in order [${order.join(", ")}] = gradients in order`, entries, { order, original, shuffled }, () => oracleRemark(exact, namedGradients(original)));
      },
    }),
    ...(!relu ? [] : [propertyCheck({
      id: propertyId("property/gradients/dead-unit", shape),
      description: "A first-layer ReLU unit that is off (z < 0) for every sample gets zero gradient: its row of W1, its b1 and its column of W2.",
      needs,
      casesPerRun: 1,
      arbitrary: () => deadUnitCaseArb(network),
      predicate: async (drawn, context) => {
        const c = deadInDtype(drawn, DTYPES[context.dtype].u);
        const { grads } = await gradientsAnswer(context, gradientsRequestOf(c));
        const i = c.deadUnit;
        const floor = DTYPES[context.dtype].absFloor;
        const why = `unit ${i} is off for every sample: ReLU′ = 0 and a = 0`;
        const entries = [
          ...grads[0]!.W[i]!.map((g, j) => relationEntry(weightName(0, i, j), 0, g, floor, why)),
          relationEntry(biasName(0, i), 0, grads[0]!.b[i]!, floor, why),
          ...(grads[1] ? grads[1].W.map((row, k) => relationEntry(weightName(1, k, i), 0, row[i]!, floor, why)) : []),
        ];
        assertRelation(`dead unit ${i} has zero gradient`, entries, { deadUnit: i, grads });
      },
    })]),
  ];
}

/**
 * The dead-unit case with its unit off however a `u` implementation rounds: the drawn margin (≥ 2^−10, far beyond
 * float64's and float32's rounding of z) is widened, by lowering the bias, to twice SAFETY·(m + 3)·u·(Σ|w·x| + |b|)
 * when that is larger — as it is in bfloat16 (u = 2^−8), whose rounded z could otherwise cross 0.
 */
function deadInDtype<C extends { readonly params: readonly LayerParams[]; readonly inputs: Matrix; readonly deadUnit: number }>(c: C, u: number): C {
  const { W, b } = c.params[0]!;
  const row = W[c.deadUnit]!, bias = b[c.deadUnit]!;
  const z = c.inputs.map((x) => row.reduce((s, w, j) => s + w * x[j]!, bias));
  const noise = Math.max(...c.inputs.map((x) => row.reduce((s, w, j) => s + Math.abs(w * x[j]!), Math.abs(bias))));
  const needed = 2 * SAFETY * (row.length + 3) * u * noise;
  const margin = -Math.max(...z);
  if (margin >= needed) return c;
  const lowered = bias - (needed - margin);
  return { ...c, params: c.params.map((p, l) => (l === 0 ? { W: p.W, b: p.b.map((v, i) => (i === c.deadUnit ? lowered : v)) } : p)) };
}
