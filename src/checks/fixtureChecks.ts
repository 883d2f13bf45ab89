/**
 * Fixture checks: the implementation against the JSON fixtures in `fixtures/` — the seed's worked example
 * (`fixture/worked-example/...`), every random case (`fixture/random-cases/<case>/<method>`) and the 1,000-step SGD
 * trajectory (`fixture/sgd-trajectory/train`, sent in chunks of 25 steps from exact starting points, so each
 * chunk's verdict stays sharp). Fixture inputs are decimal strings, so they reach a float64 implementation rounded:
 * tolerances allow for that (`roundedInputs`).
 */
import { compareForward, compareStep, compareTrain, exactGradientsWithScales, exactToNumbers, exactTrainSteps, type ExactTrainStep } from "../gradcheck/index.ts";
import { forwardRequestOf, gradientsRequestOf, loadFixture, stepRequestOf, toNumberMatrixJson, toNumberParamsJson, workedExampleInput, type DecimalParamsJson, type FixtureCaseInput } from "../fixtures/index.ts";
import type { Params } from "../network/types.ts";
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import { toNumberParams, type DecimalParams } from "../oracle/index.ts";
import { comparisonOutcome, gradientsCase, type ComparedCase } from "./comparisonOutcome.ts";

/** Steps per `train` request along the trajectory. */
const CHUNK = 25;

type Method = "forward" | "gradients" | "step";

async function compareFixtureCase(method: Method, c: FixtureCaseInput, context: CheckContext): Promise<ComparedCase> {
  const options = { dtype: context.dtype, oracle: context.oracle, roundedInputs: true };
  const exact = context.oracle.gradients(c.network, c.params, c.inputs, c.targets);
  const impl = context.implementation;
  if (method === "forward") {
    const request = forwardRequestOf(c);
    const actual = await impl.forward(request);
    return { kind: "fixture", index: 0, request, actual, comparison: compareForward(request, actual, options, exact) };
  }
  if (method === "gradients") {
    const request = gradientsRequestOf(c);
    const actual = await impl.gradients(request);
    return gradientsCase("fixture", 0, request, actual, options, exactGradientsWithScales(request, options, undefined, exactToNumbers(exact)));
  }
  const request = stepRequestOf(c);
  const actual = await impl.step(request);
  return { kind: "fixture", index: 0, request, actual, comparison: compareStep(request, actual, options, exact) };
}

function caseCheck(id: string, description: string, method: Method, c: FixtureCaseInput): Check {
  return {
    id,
    description,
    needs: { methods: [method], networks: [c.network] },
    run: async (context) => comparisonOutcome(id, method, [await compareFixtureCase(method, c, context)], context),
  };
}

function workedExampleChecks(): Check[] {
  const fixture = loadFixture("worked-example");
  const forwardCase = workedExampleInput(fixture, fixture.cases[0]!);
  return [
    caseCheck("fixture/worked-example/forward", "forward on the seed's worked example (Figures 7-4 to 7-10) gives the exact Z1, A1, Z2, A2.", "forward", forwardCase),
    ...fixture.cases.flatMap((c) => {
      const y = c.id.replace(/^worked-example\//, "");
      const input = workedExampleInput(fixture, c);
      return [
        caseCheck(`fixture/worked-example/gradients/${y}`, `gradients on the seed's worked example with ${y.toUpperCase()} give the exact cost and dC/dW1, dC/db1, dC/dW2, dC/db2.`, "gradients", input),
        caseCheck(`fixture/worked-example/step/${y}`, `one step (L = ${fixture.learningRate}) from the worked example with ${y.toUpperCase()} gives the exact new parameters.`, "step", input),
      ];
    }),
  ];
}

/** forward, gradients and step on every case of a file of cases (`random-cases`, `family-cases`). */
function caseFileChecks(kind: "random-cases" | "family-cases"): Check[] {
  return loadFixture(kind).cases.flatMap((c) =>
    (["forward", "gradients", "step"] as const).map((method) =>
      caseCheck(`fixture/${kind}/${c.id.replace(/#/g, ".")}/${method}`, `${method} on fixture case ${c.id} (${kind}) agrees with its exact values.`, method, c),
    ),
  );
}

function trajectoryCheck(): Check {
  const id = "fixture/sgd-trajectory/train";
  const fixture = loadFixture("sgd-trajectory");
  return {
    id,
    description: `train follows the exact ${fixture.order.length}-step SGD trajectory from the worked example's weights (sent in chunks of ${CHUNK} steps).`,
    needs: { methods: ["train"], networks: [fixture.network] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      const { oracle } = context;
      const inputs = toNumberMatrixJson(fixture.data.inputs);
      const targets = toNumberMatrixJson(fixture.data.targets);
      const learningRate = Number(fixture.learningRate);
      // One exact pass along the whole trajectory, from the fixture's decimal strings, cut into chunks: each
      // chunk starts where the exact run is and is compared with the exact steps already computed.
      const chunks: { start: Params; exact: ExactTrainStep[] }[] = [];
      let theta: DecimalParams | DecimalParamsJson = fixture.initialParams;
      for (let k = 0; k < fixture.order.length; k += CHUNK) {
        const exact = exactTrainSteps(oracle, fixture.network, theta, fixture.data.inputs, fixture.data.targets, fixture.learningRate, fixture.order.slice(k, k + CHUNK));
        chunks.push({ start: k === 0 ? toNumberParamsJson(fixture.initialParams) : toNumberParams(theta as DecimalParams), exact });
        theta = exact.at(-1)!.params;
      }
      const compared = await Promise.all(
        chunks.map(async ({ start, exact }, chunk): Promise<ComparedCase> => {
          const first = chunk * CHUNK;
          const request = { network: fixture.network, params: start, inputs, targets, learningRate, order: fixture.order.slice(first, first + CHUNK) };
          const actual = await context.implementation.train(request);
          const comparison = compareTrain(request, actual, { dtype: context.dtype, oracle, roundedInputs: true }, exact);
          return { kind: `steps ${first}–${first + request.order.length - 1}`, index: chunk, request, actual, comparison, firstStep: first };
        }),
      );
      return comparisonOutcome(id, "train", compared, context);
    },
  };
}

/** Every fixture check, built from the files in `fixtures/` (loaded and schema-validated here). */
export function fixtureChecks(): Check[] {
  return [...workedExampleChecks(), ...caseFileChecks("random-cases"), ...caseFileChecks("family-cases"), trajectoryCheck()];
}
