/** Properties of the cost C = (1/n) Σ (a − y)² and of its derivative dC/dA = (2/n)(A − Y). */
import fc from "fast-check";
import { biasName, layerValueName } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import { forwardRequestOf, gradientsRequestOf, networkCaseArb, uniformDouble } from "./arbitraries/index.ts";
import { engineTolerances } from "./engineTolerances.ts";
import { forwardAnswer, gradientsAnswer } from "./networkAnswers.ts";
import { IDENTITY_OUTPUT_NETWORK, PROPERTY_NETWORK, propertyId, type PropertyShape } from "./networks.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, rangeEntry, relationEntry, toleranceOf } from "./relation.ts";

const U64 = 2 ** -53;

/** A target offset that is never 0: ±[2^−8, 1]. */
const offset = fc.tuple(fc.boolean(), uniformDouble(2 ** -8, 1)).map(([negative, d]) => (negative ? -d : d));

/** The squared costs, whose value is a sum of squares. */
const SQUARED = new Set(["squared_error", "half_squared_error"]);

/**
 * The cost properties on the built-in networks or, given a declared `shape`, those that fit it: nonnegative for a
 * squared cost, zero-iff-at-target for one reduced by the mean, output-gradient for squared_error and the mean on an
 * identity output layer.
 */
export function costProperties(shape?: PropertyShape): Check[] {
  const main = shape ?? { network: PROPERTY_NETWORK };
  const identity = shape ?? { network: IDENTITY_OUTPUT_NETWORK };
  const network = main.network;
  const outputs = network.layers.at(-1)!;
  const squared = SQUARED.has(network.cost);
  const mean = (network.reduction ?? "mean") === "mean";
  const identityFits = identity.network.activations.at(-1) === "identity" && identity.network.cost === "squared_error" && (identity.network.reduction ?? "mean") === "mean";
  return [
    ...(!squared ? [] : [propertyCheck({
      id: propertyId("property/cost/nonnegative", main),
      description: "The batch cost is a number ≥ 0 for random params, inputs and targets.",
      needs: { methods: ["gradients"], networks: [network] },
      casesPerRun: 1,
      arbitrary: () => networkCaseArb(network),
      predicate: async (c, context) => {
        const { cost } = await gradientsAnswer(context, gradientsRequestOf(c));
        assertRelation("C ≥ 0", [rangeEntry("cost", cost, 0, Number.POSITIVE_INFINITY, "a mean of squares")], { cost });
      },
    })]),
    ...(!(squared && mean) ? [] : [propertyCheck({
      id: propertyId("property/cost/zero-iff-at-target", main),
      description: "With targets set to the implementation's own outputs the cost is 0 (up to the engine's forward tolerance, squared); with every target moved by ±[2^−8, 1] it is > 0.",
      needs: { methods: ["forward", "gradients"], networks: [network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(network), offsets: fc.array(fc.array(offset, { minLength: outputs, maxLength: outputs }), { minLength: 4, maxLength: 4 }) }),
      predicate: async ({ c, offsets }, context) => {
        const { layers } = await forwardAnswer(context, forwardRequestOf(c));
        const a = layers.at(-1)!.a;
        const moved = a.map((row, s) => row.map((v, o) => v + offsets[s]![o]!));
        const [atTarget, offTarget] = await Promise.all([gradientsAnswer(context, { ...gradientsRequestOf(c), targets: a }), gradientsAnswer(context, { ...gradientsRequestOf(c), targets: moved })]);
        // forward and gradients each hold A within the engine's tolerance: their (a − y)² is at most (2·2·tol_A)²
        const { byEntry } = engineTolerances(gradientsRequestOf(c), context);
        const L = network.layers.length - 2;
        const slack = a.reduce((sum, row, s) => row.reduce((acc, _, o) => acc + (4 * toleranceOf(byEntry, layerValueName("A", L, s, o))) ** 2, sum), 0) / a.length;
        assertRelation("C = 0 at the target, C > 0 off it", [
          rangeEntry("cost with targets = outputs", atTarget.cost, 0, slack, "each (a − y)² is 0 when forward and gradients agree"),
          rangeEntry("cost with moved targets", offTarget.cost, Number.MIN_VALUE, Number.POSITIVE_INFINITY, "some (a − y)² ≥ 2^−16"),
        ], { outputs: a, costAtTarget: atTarget.cost, costOffTarget: offTarget.cost });
      },
    })]),
    ...(!identityFits ? [] : [propertyCheck({
      id: propertyId("property/cost/output-gradient", identity),
      description: "dC/dA_L = (2/n)(A_L − Y): on a network with an identity output layer, dC/db_L = (2/n)·Σ_samples (A_L − Y) from the implementation's own forward outputs.",
      needs: { methods: ["forward", "gradients"], networks: [identity.network] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => networkCaseArb(identity.network),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const [{ layers }, { grads }] = await Promise.all([forwardAnswer(context, forwardRequestOf(c)), gradientsAnswer(context, request)]);
        const { byEntry } = engineTolerances(request, context);
        const L = layers.length - 1;
        const n = c.inputs.length;
        const entries = grads[L]!.b.map((db, o) => {
          const errors = layers[L]!.a.map((row, s) => row[o]! - c.targets[s]![o]!);
          const expected = (2 / n) * errors.reduce((sum, e) => sum + e, 0);
          const fromA = (2 / n) * layers[L]!.a.reduce((sum, _, s) => sum + 2 * toleranceOf(byEntry, layerValueName("A", L, s, o)), 0);
          const rounding = (n + 2) * U64 * (2 / n) * errors.reduce((sum, e) => sum + Math.abs(e), 0);
          const tolerance = 2 * toleranceOf(byEntry, biasName(L, o)) + fromA + rounding;
          return relationEntry(biasName(L, o), expected, db, tolerance, "2 × the engine's tolerance for db_L, and for each A_L; float64 rounding of the sum");
        });
        assertRelation("dC/db_L = (2/n)Σ(A_L − Y) for an identity output", entries, { outputs: layers[L]!.a, grads: grads[L]!.b });
      },
    })]),
  ];
}
