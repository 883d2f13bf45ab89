import type { TrainRequest, TrainResult } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import { createOracle, toNumberParams } from "../oracle/index.ts";
import { paramEntries, verdict, type CompareOptions, type Comparison } from "./comparison.ts";
import { inputParamScales } from "./exactGradientsWithScales.ts";
import { entryResult, type EntryResult } from "./entryResult.ts";
import { exactToNumbers } from "./exactGradients.ts";
import { exactTrainSteps, type ExactTrainStep } from "./exactTrainSteps.ts";
import { gradientScales, type ParamScales } from "./gradientScales.ts";
import { stepScales } from "./stepScales.ts";
import { compareOptimizerTrain } from "./compareOptimizer.ts";

/**
 * Compares a `train` answer with the oracle's SGD run over the same order: `costs[k]` (when given) and the final
 * `W1[i][j]`, `b1[i]`, …. Rounding scales are carried from step to step (each step's parameters bring their
 * scale into the next), so they grow with the run: use orders of tens of steps for sharp verdicts. `exact` may
 * be the oracle's run over this request (see exactTrainSteps), computed once for several comparisons. A request with
 * an `optimizer` is compared with that optimizer's exact run, state included (compareOptimizer.ts).
 */
export function compareTrain(request: TrainRequest, actual: TrainResult, options: CompareOptions, exact?: readonly ExactTrainStep[]): Comparison {
  if (request.optimizer !== undefined) return compareOptimizerTrain({ ...request, optimizer: request.optimizer }, actual, options);
  const oracle = options.oracle ?? createOracle();
  const roundedInputs = options.roundedInputs ?? options.dtype !== "float64";
  const { network, inputs, targets, learningRate } = request;
  const steps = exact ?? exactTrainSteps(oracle, network, request.params, inputs, targets, learningRate, request.order);
  const EL = roundedInputs ? Math.abs(learningRate) : 0;
  let thetaNum: Params = request.params;
  let E: readonly ParamScales[] = inputParamScales(request.params, roundedInputs);
  const entries: EntryResult[] = [];
  const problems: string[] = [];
  if (actual.costs !== undefined && actual.costs.length !== request.order.length) {
    problems.push(`costs has ${actual.costs.length} entries, expected ${request.order.length} (one per step)`);
  }
  request.order.forEach((s, k) => {
    const sample = { network, params: thetaNum, inputs: [inputs[s]!], targets: [targets[s]!] };
    const step = steps[k]!;
    const exact = exactToNumbers(step.gradients);
    const scales = gradientScales({ ...sample, exact, dtype: options.dtype, roundedInputs, paramScales: E });
    const next = toNumberParams(step.params);
    if (actual.costs !== undefined && actual.costs.length === request.order.length) {
      entries.push(entryResult(`costs[${k}]`, exact.cost, actual.costs[k]!, options.dtype, scales.cost, `cost of sample ${s} before step ${k}, scales carried over ${k} steps`));
    }
    E = stepScales(thetaNum, exact.grads, next, E, scales.grads, learningRate, EL, options.dtype);
    thetaNum = next;
  });
  entries.push(...paramEntries(thetaNum, actual.params, E, options.dtype, problems, () => `final parameters, scales carried over ${request.order.length} steps`));
  return verdict(entries, problems);
}
