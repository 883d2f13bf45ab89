/**
 * Comparisons of `step` and `train` answers of requests with an `optimizer` against the oracle's exact update:
 * every parameter entry, every state entry (momentum buffer, m, v) and Adam's step count, with tolerances from the
 * rounding scales of optimizerScales.ts (train: carried from step to step with the state).
 */
import type { Optimizer, StepRequest, StepResult, TrainRequest, TrainResult } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import { toDecimalOptimizerState, toDecimalParams, toNumberParams, optimizerUpdate, type DecimalOptimizerState, type DecimalParams, type Oracle, type OracleGradients } from "../oracle/index.ts";
import { compareContext, verdict, type CompareOptions, type Comparison, type Context } from "./comparison.ts";
import { entryResult, type EntryResult } from "./entryResult.ts";
import { exactToNumbers } from "./exactGradients.ts";
import { inputParamScales, oracleGradientsFor } from "./exactGradientsWithScales.ts";
import { gradientScales } from "./gradientScales.ts";
import { flatExactState, flatParams, flatWireState, optimizerAnswerEntries, shapedLike, type FlatState } from "./optimizerEntries.ts";
import { optimizerScales, type OptimizerScales } from "./optimizerScales.ts";

/** One exact optimizer step: the gradients at its start, the params and the state after it. */
export interface ExactOptimizerStep {
  readonly gradients: OracleGradients;
  readonly params: DecimalParams;
  readonly state: DecimalOptimizerState;
}

/** A request with an optimizer (the kind these comparisons take). */
export type OptimizerRequest<R> = R & { readonly optimizer: Optimizer };

/** The scales of one update at float64 params `theta` (with scales `Etheta`) from flat state `before`, and of the cost there. */
function updateScales(c: Context, request: StepRequest & { optimizer: Optimizer }, theta: Params, Etheta: readonly number[], gradients: OracleGradients, before: FlatState, inputs = request.inputs, targets = request.targets): OptimizerScales & { readonly cost: number } {
  const exact = exactToNumbers(gradients);
  const scales = gradientScales({ network: request.network, params: theta, inputs, targets, exact, dtype: c.dtype, roundedInputs: c.roundedInputs, paramScales: shapedLike(theta, Etheta) });
  const E = optimizerScales({
    optimizer: request.optimizer, learningRate: request.learningRate, EL: c.roundedInputs ? Math.abs(request.learningRate) : 0, roundedInputs: c.roundedInputs, dtype: c.dtype,
    step: before.step, theta: flatParams(theta), Etheta, g: flatParams(exact.grads), Eg: flatParams(scales.grads),
    buffer: before.buffer, Ebuffer: before.Ebuffer, m: before.m, Em: before.Em, v: before.v, Ev: before.Ev,
  });
  return { ...E, cost: scales.cost };
}

/** The oracle's update for a step request with an optimizer (its gradients if at hand). */
export function exactOptimizerStep(oracle: Oracle, request: OptimizerRequest<StepRequest>, gradients = oracle.gradients(request.network, request.params, request.inputs, request.targets)): ExactOptimizerStep {
  const { D } = oracle;
  const next = optimizerUpdate(D, request.optimizer, oracle.decimal(request.learningRate), toDecimalParams(D, request.params), gradients.grads, toDecimalOptimizerState(D, request.optimizer, request.state));
  return { gradients, ...next };
}

/**
 * Compares a `step` answer to a request with an optimizer with the exact update (`exact`: known already, as a
 * fixture stores the params and state after it; its gradients are the oracle's).
 */
export function compareOptimizerStep(request: OptimizerRequest<StepRequest>, actual: StepResult, options: CompareOptions, exact?: ExactOptimizerStep): Comparison {
  const c = compareContext(options);
  const step = exact ?? exactOptimizerStep(c.oracle, request, oracleGradientsFor(request, c));
  const Etheta = flatParams(inputParamScales(request.params, c.roundedInputs));
  const E = updateScales(c, request, request.params, Etheta, step.gradients, flatWireState(request.state, c.roundedInputs));
  const problems: string[] = [];
  const entries = optimizerAnswerEntries(request.optimizer, step.params, step.state, E, actual, c.dtype, problems, `${request.optimizer.name} update: θ's, g's and the state's scales plus one rounding per operation`);
  return verdict(entries, problems);
}

/** The oracle's run of a train request with an optimizer, step by step, the state carried. */
export function exactOptimizerTrainSteps(oracle: Oracle, request: OptimizerRequest<TrainRequest>): ExactOptimizerStep[] {
  const steps: ExactOptimizerStep[] = [];
  let params: DecimalParams = toDecimalParams(oracle.D, request.params);
  let state = toDecimalOptimizerState(oracle.D, request.optimizer, request.state);
  for (const s of request.order) {
    const r = oracle.step(request.network, params, [request.inputs[s]!], [request.targets[s]!], request.learningRate, request.optimizer, state);
    steps.push({ gradients: r.gradients, params: r.params, state: r.state! });
    params = r.params;
    state = r.state!;
  }
  return steps;
}

/**
 * Compares a `train` answer to a request with an optimizer with the oracle's run over the same order: `costs[k]`
 * (when given), the final params and the final state, with scales carried from step to step (params and state).
 * `exact` may be the run already known (a fixture's stored trajectory, with the oracle's gradients).
 */
export function compareOptimizerTrain(request: OptimizerRequest<TrainRequest>, actual: TrainResult, options: CompareOptions, exact?: readonly ExactOptimizerStep[]): Comparison {
  const c = compareContext(options);
  const steps = exact ?? exactOptimizerTrainSteps(c.oracle, request);
  let theta: Params = request.params;
  let Etheta = flatParams(inputParamScales(request.params, c.roundedInputs));
  let state = flatWireState(request.state, c.roundedInputs);
  let E: (OptimizerScales & { readonly cost: number }) | undefined;
  const entries: EntryResult[] = [];
  const problems: string[] = [];
  if (actual.costs !== undefined && actual.costs.length !== request.order.length) problems.push(`costs has ${actual.costs.length} entries, expected ${request.order.length} (one per step)`);
  request.order.forEach((s, k) => {
    const step = steps[k]!;
    const sample = { inputs: [request.inputs[s]!], targets: [request.targets[s]!] };
    E = updateScales(c, request, theta, Etheta, step.gradients, state, sample.inputs, sample.targets);
    if (actual.costs !== undefined && actual.costs.length === request.order.length) {
      entries.push(entryResult(`costs[${k}]`, step.gradients.cost.toNumber(), actual.costs[k]!, c.dtype, E.cost, `cost of sample ${s} before step ${k}, scales carried over ${k} steps`));
    }
    theta = toNumberParams(step.params);
    Etheta = E.theta;
    state = flatExactState(step.state, E);
  });
  if (E === undefined) return verdict(entries, problems);
  const last = steps[request.order.length - 1]!;
  entries.push(...optimizerAnswerEntries(request.optimizer, last.params, last.state, E, actual, c.dtype, problems, `final parameters, scales carried over ${request.order.length} ${request.optimizer.name} steps`));
  return verdict(entries, problems);
}
