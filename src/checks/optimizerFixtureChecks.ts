/**
 * `fixture/optimizer-trajectories/<name>`: the implementation against the exact optimizer trajectories of
 * `fixtures/optimizer-trajectories.json` — every step sent alone from the file's stored params and state before it,
 * and the whole run as one `train` from the initial params and a fresh state — compared with the params, states and
 * costs the file stores (the oracle supplies only the intermediates the rounding scales need).
 */
import { compareOptimizerStep, compareOptimizerTrain, type ExactOptimizerStep } from "../gradcheck/index.ts";
import { OPTIMIZER_TRAJECTORY_PLAN, toNumberMatrixJson, toNumberParamsJson, FixtureError, type OptimizerJson, type OptimizerStateJson } from "../fixtures/index.ts";
import type { Check } from "../harness/check.ts";
import type { Optimizer, OptimizerName, OptimizerState } from "../implementation.ts";
import { seedNetwork } from "../network/types.ts";
import { toDecimalOptimizerState, toDecimalParams, type DecimalOptimizerState, type Oracle } from "../oracle/index.ts";
import { comparisonOutcome, type ComparedCase } from "./comparisonOutcome.ts";
import { withFixture, type Load } from "./lazyFixture.ts";

const SOURCE = "the fixture's exact values";

/** The optimizer as the wire sends it: its decimal strings as numbers. */
function wireOptimizer(o: OptimizerJson): Optimizer {
  if (o.name === "sgd") return { name: "sgd", momentum: Number(o.momentum), dampening: Number(o.dampening), nesterov: o.nesterov, weightDecay: Number(o.weightDecay) };
  return { name: o.name, beta1: Number(o.beta1), beta2: Number(o.beta2), epsilon: Number(o.epsilon), weightDecay: Number(o.weightDecay) };
}

/** A stored state as the wire sends it (numbers). */
function wireState(s: OptimizerStateJson): OptimizerState {
  if ("momentumBuffer" in s) return { momentumBuffer: s.momentumBuffer === null ? null : toNumberParamsJson(s.momentumBuffer) };
  return { step: s.step, m: toNumberParamsJson(s.m), v: toNumberParamsJson(s.v) };
}

const exactState = (oracle: Oracle, o: OptimizerJson, s: OptimizerStateJson): DecimalOptimizerState => toDecimalOptimizerState(oracle.D, o, s);

/** One check per planned trajectory (ids from the plan, so listing reads no file). */
export function optimizerTrajectoryChecks(load: Load<"optimizer-trajectories">): Check[] {
  return OPTIMIZER_TRAJECTORY_PLAN.map(({ name, optimizer: planned }): Check => {
    const id = `fixture/optimizer-trajectories/${name}`;
    return {
      id,
      description: `step (each step from the stored state) and train (the whole run, fresh state) follow the exact ${name} trajectory of fixtures/optimizer-trajectories.json from the worked example's weights: params, state and costs.`,
      needs: { methods: ["step", "train"], networks: [seedNetwork], optimizers: [planned.name as OptimizerName] },
      run: (context) => withFixture(async () => {
        const { fixture, file } = load();
        const { oracle, dtype } = context;
        const t = fixture.trajectories.find((x) => x.name === name);
        if (t === undefined) throw new FixtureError(file, [`${file}: /trajectories: has no trajectory named "${name}"`]);
        const optimizer = wireOptimizer(t.optimizer);
        const inputs = toNumberMatrixJson(fixture.data.inputs), targets = toNumberMatrixJson(fixture.data.targets);
        const learningRate = Number(t.learningRate);
        const options = { dtype, oracle, roundedInputs: true };
        // the stored run, with the oracle's gradients along it (for the scales) and the file's costs in their place
        const exact: ExactOptimizerStep[] = fixture.order.map((s, k) => {
          const before = k === 0 ? fixture.initialParams : t.steps[k - 1]!.params;
          const gradients = oracle.gradients(fixture.network, before, [fixture.data.inputs[s]!], [fixture.data.targets[s]!]);
          return { gradients: { ...gradients, cost: oracle.decimal(t.costs[k]!) }, params: toDecimalParams(oracle.D, t.steps[k]!.params), state: exactState(oracle, t.optimizer, t.steps[k]!.state) };
        });
        const steps = fixture.order.map(async (s, k): Promise<ComparedCase> => {
          const params = toNumberParamsJson(k === 0 ? fixture.initialParams : t.steps[k - 1]!.params);
          const request = { network: fixture.network, params, inputs: [inputs[s]!], targets: [targets[s]!], learningRate, optimizer, ...(k === 0 ? {} : { state: wireState(t.steps[k - 1]!.state) }) };
          const actual = await context.implementation.step(request);
          return { kind: `step ${k} alone`, index: k, request, actual, comparison: compareOptimizerStep(request, actual, options, exact[k]) };
        });
        const train = (async (): Promise<ComparedCase> => {
          const request = { network: fixture.network, params: toNumberParamsJson(fixture.initialParams), inputs, targets, learningRate, optimizer, order: fixture.order };
          const actual = await context.implementation.train(request);
          return { kind: `train, steps 0–${fixture.order.length - 1}`, index: fixture.order.length, request, actual, comparison: compareOptimizerTrain(request, actual, options, exact) };
        })();
        return comparisonOutcome(id, "step and train", await Promise.all([...steps, train]), context, SOURCE);
      }),
    };
  });
}
