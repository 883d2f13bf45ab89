/**
 * Fixture checks: the implementation against the JSON fixtures in `fixtures/` — the seed's worked example
 * (`fixture/worked-example/...`), every random case (`fixture/random-cases/<case>/<method>`) and the 1,000-step SGD
 * trajectory (`fixture/sgd-trajectory/train`, sent in chunks of 25 steps from exact starting points, so each
 * chunk's verdict stays sharp), and the optimizers' trajectories (`fixture/optimizer-trajectories/<name>`, see
 * optimizerFixtureChecks.ts). Answers are compared with the values the fixture file stores; the oracle supplies
 * only what the file does not store (the intermediates the rounding scales need). Fixture inputs are decimal
 * strings, so they reach a float64 implementation rounded: tolerances allow for that (`roundedInputs`).
 *
 * The checks are listed from the fixture plan without reading any file; each file is read and validated the first
 * time a check needs it, so a broken file errors only the checks that use it, naming the file and the JSON pointer.
 */
import { compareForward, compareStep, compareTrain, exactGradientsWithScales, exactToNumbers, exactTrainSteps, type ExactTrainStep } from "../gradcheck/index.ts";
import {
  displayPath, fixturePath, FIXTURES_DIR, FixtureError, forwardRequestOf, gradientsRequestOf, loadFixture, plannedCases, stepRequestOf,
  toNumberMatrixJson, toNumberParamsJson, workedExampleInput, FAMILY_CASE_PLAN, WORKED_CLASSIFIERS, type DecimalParamsJson, type FamilyCaseEntry,
  type FixtureByKind, type FixtureCaseInput, type FixtureKind,
} from "../fixtures/index.ts";
import type { Check, CheckContext, CheckOutcome, Hint } from "../harness/check.ts";
import { seedNetwork, type NetworkSpec, type Params } from "../network/types.ts";
import { toNumberParams, type DecimalParams } from "../oracle/index.ts";
import { comparisonOutcome, gradientsCase, type ComparedCase } from "./comparisonOutcome.ts";
import { lazyFixture, withFixture, type Load } from "./lazyFixture.ts";
import { optimizerTrajectoryChecks } from "./optimizerFixtureChecks.ts";
import { diagnoseStep } from "../diagnosis/index.ts";
import { corruptionHint, decimalParams, gradientSources, paramSources, storedRandomCase, storedWorkedExample, trainSources, withStoredValues, type StoredCase } from "./fixtureExpectations.ts";

/** Steps per `train` request along the trajectory. */
const CHUNK = 25;
/** The worked example's targets, as its case ids name them (`worked-example/y=0`). */
const WORKED_EXAMPLE_TARGETS = ["y=0", "y=1"] as const;
const SOURCE = "the fixture's exact values";

type Method = "forward" | "gradients" | "step";
async function compareFixtureCase(method: Method, c: FixtureCaseInput, stored: StoredCase, file: string, context: CheckContext): Promise<ComparedCase> {
  const { oracle } = context;
  const options = { dtype: context.dtype, oracle, roundedInputs: true };
  const recomputed = oracle.gradients(c.network, c.params, c.inputs, c.targets);
  const exact = withStoredValues(oracle, recomputed, stored);
  const impl = context.implementation;
  const hinted = (compared: ComparedCase, hint: Hint | undefined): ComparedCase =>
    hint === undefined ? compared : { ...compared, hints: [hint, ...(compared.hints ?? [])] };
  if (method === "forward") {
    const request = forwardRequestOf(c);
    const actual = await impl.forward(request);
    const comparison = compareForward(request, actual, options, exact);
    return hinted({ kind: "fixture", index: 0, request, actual, comparison }, corruptionHint(file, comparison, gradientSources(recomputed, exact)));
  }
  if (method === "gradients") {
    const request = gradientsRequestOf(c);
    const actual = await impl.gradients(request);
    const compared = gradientsCase("fixture", 0, request, actual, options, exactGradientsWithScales(request, options, undefined, exactToNumbers(exact)));
    return hinted(compared, corruptionHint(file, compared.comparison, gradientSources(recomputed, exact)));
  }
  const request = stepRequestOf(c);
  const actual = await impl.step(request);
  const next = decimalParams(oracle, stored.step);
  const comparison = compareStep(request, actual, options, exact, next);
  const L = oracle.decimal(c.learningRate);
  const recomputedNext = c.params.map(({ W, b }, l) => ({
    W: W.map((row, i) => row.map((w, j) => oracle.decimal(w).minus(L.times(recomputed.grads[l]!.W[i]![j]!)))),
    b: b.map((v, i) => oracle.decimal(v).minus(L.times(recomputed.grads[l]!.b[i]!))),
  }));
  const diagnosis = () => diagnoseStep(request, actual, comparison, options, exact);
  return hinted({ kind: "fixture", index: 0, request, actual, comparison, diagnosis }, corruptionHint(file, comparison, paramSources(recomputedNext, next)));
}

function caseCheck(id: string, description: string, method: Method, network: NetworkSpec, find: () => { input: FixtureCaseInput; stored: StoredCase; file: string }): Check {
  return {
    id,
    description,
    needs: { methods: [method], networks: [network] },
    run: (context) => withFixture(async () => {
      const { input, stored, file } = find();
      return comparisonOutcome(id, method, [await compareFixtureCase(method, input, stored, file, context)], context, SOURCE);
    }),
  };
}

function workedExampleChecks(load: Load<"worked-example">): Check[] {
  const find = (y: string) => () => {
    const { fixture, file } = load();
    const c = fixture.cases.find((k) => k.id === `worked-example/${y}`);
    if (c === undefined) throw new FixtureError(file, [`${file}: /cases: has no case "worked-example/${y}"`]);
    return { input: workedExampleInput(fixture, c), stored: storedWorkedExample(c), file };
  };
  return [
    caseCheck("fixture/worked-example/forward", "forward on the seed's worked example (Figures 7-4 to 7-10) gives the exact Z1, A1, Z2, A2.", "forward", seedNetwork, find("y=0")),
    ...WORKED_EXAMPLE_TARGETS.flatMap((y) => [
      caseCheck(`fixture/worked-example/gradients/${y}`, `gradients on the seed's worked example with ${y.toUpperCase()} give the exact cost and dC/dW1, dC/db1, dC/dW2, dC/db2.`, "gradients", seedNetwork, find(y)),
      caseCheck(`fixture/worked-example/step/${y}`, `one step (L = 0.05) from the worked example with ${y.toUpperCase()} gives the exact new parameters.`, "step", seedNetwork, find(y)),
    ]),
  ];
}

/** The cases of a file of cases, known without reading it: the plan's (and the hand-chosen worked classifiers'). */
function casesOf(kind: "random-cases" | "family-cases"): { readonly id: string; readonly network: NetworkSpec }[] {
  if (kind === "random-cases") return plannedCases();
  return [...WORKED_CLASSIFIERS, ...plannedCases(FAMILY_CASE_PLAN)];
}

/** forward, gradients and step on every case of a file of cases (`random-cases`, `family-cases`). */
function caseFileChecks(kind: "random-cases" | "family-cases", load: Load<"random-cases" | "family-cases">): Check[] {
  return casesOf(kind).flatMap((planned) => {
    const find = () => {
      const { fixture, file } = load();
      const c = (fixture.cases as readonly FamilyCaseEntry[]).find((k) => k.id === planned.id);
      if (c === undefined) throw new FixtureError(file, [`${file}: /cases: has no case "${planned.id}" (out of step with the plan: run 'npm run fixtures')`]);
      return { input: c, stored: storedRandomCase(c), file };
    };
    return (["forward", "gradients", "step"] as const).map((method) =>
      caseCheck(`fixture/${kind}/${planned.id.replace(/#/g, ".")}/${method}`, `${method} on fixture case ${planned.id} (${kind}) agrees with its exact values.`, method, planned.network, find));
  });
}

function trajectoryCheck(load: Load<"sgd-trajectory">): Check {
  const id = "fixture/sgd-trajectory/train";
  return {
    id,
    description: `train follows the exact SGD trajectory of fixtures/sgd-trajectory.json from the worked example's weights (sent in chunks of ${CHUNK} steps).`,
    needs: { methods: ["train"], networks: [seedNetwork] },
    run: (context) => withFixture(async () => {
      const { fixture, file } = load();
      const { oracle } = context;
      const inputs = toNumberMatrixJson(fixture.data.inputs);
      const targets = toNumberMatrixJson(fixture.data.targets);
      const learningRate = Number(fixture.learningRate);
      const checkpoints = new Map<number, DecimalParamsJson>([...fixture.checkpoints.map((c) => [c.step, c.params] as const), [fixture.order.length, fixture.finalParams]]);
      // One exact pass along the whole trajectory, cut into chunks, with the file's stored costs and checkpoints in
      // place of the oracle's: each chunk starts at the last stored (or exact) point and is compared with them.
      const chunks: { start: Params; exact: ExactTrainStep[]; recomputed: ExactTrainStep[] }[] = [];
      let theta: DecimalParams | DecimalParamsJson = fixture.initialParams;
      for (let k = 0; k < fixture.order.length; k += CHUNK) {
        const order = fixture.order.slice(k, k + CHUNK);
        const recomputed = exactTrainSteps(oracle, fixture.network, theta, fixture.data.inputs, fixture.data.targets, fixture.learningRate, order);
        const exact = recomputed.map((step, i) => ({ ...step, gradients: { ...step.gradients, cost: oracle.decimal(fixture.costs[k + i]!) } }));
        const stored = checkpoints.get(k + order.length);
        if (stored !== undefined) exact[exact.length - 1] = { ...exact.at(-1)!, params: decimalParams(oracle, stored) };
        chunks.push({ start: k === 0 ? toNumberParamsJson(fixture.initialParams) : toNumberParams(theta as DecimalParams), exact, recomputed });
        theta = exact.at(-1)!.params;
      }
      const compared = await Promise.all(
        chunks.map(async ({ start, exact, recomputed }, chunk): Promise<ComparedCase> => {
          const first = chunk * CHUNK;
          const request = { network: fixture.network, params: start, inputs, targets, learningRate, order: fixture.order.slice(first, first + CHUNK) };
          const actual = await context.implementation.train(request);
          const comparison = compareTrain(request, actual, { dtype: context.dtype, oracle, roundedInputs: true }, exact);
          const hint = corruptionHint(file, comparison, trainSources(recomputed, exact));
          return { kind: `steps ${first}–${first + request.order.length - 1}`, index: chunk, request, actual, comparison, firstStep: first, ...(hint ? { hints: [hint] } : {}) };
        }),
      );
      return comparisonOutcome(id, "train", compared, context, SOURCE);
    }),
  };
}

/**
 * Every fixture check, from the files in `dir` (default: `NNCHECK_FIXTURES_DIR`, else the repository's
 * `fixtures/`); nothing is read until a check runs.
 */
export function fixtureChecks(dir: string = process.env["NNCHECK_FIXTURES_DIR"] ?? FIXTURES_DIR): Check[] {
  return [
    ...workedExampleChecks(lazyFixture("worked-example", dir)), ...caseFileChecks("random-cases", lazyFixture("random-cases", dir)),
    ...caseFileChecks("family-cases", lazyFixture("family-cases", dir)), trajectoryCheck(lazyFixture("sgd-trajectory", dir)),
    ...optimizerTrajectoryChecks(lazyFixture("optimizer-trajectories", dir)),
  ];
}
