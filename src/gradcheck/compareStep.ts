import type { StepRequest, StepResult } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import { toNumberParams, type DecimalParams, type OracleGradients } from "../oracle/index.ts";
import { compareContext, paramEntries, verdict, type CompareOptions, type Comparison } from "./comparison.ts";
import { exactToNumbers } from "./exactGradients.ts";
import { exactGradientsWithScales, inputParamScales, oracleGradientsFor } from "./exactGradientsWithScales.ts";
import type { ParamScales } from "./gradientScales.ts";
import { stepScales } from "./stepScales.ts";
import { compareOptimizerStep } from "./compareOptimizer.ts";

/** A step comparison's part that does not depend on the answer: the exact parameters after the step, as numbers, and each entry's rounding scale. */
export interface PreparedStep {
  readonly next: Params;
  readonly E: readonly ParamScales[];
}

/**
 * The answer-independent part of `compareStep` for a plain SGD step (no optimizer), to compare several answers to
 * one request (a sweep's implementations, a sensitivity test's injections) without recomputing it. Arguments as
 * `compareStep`'s.
 */
export function prepareStep(request: StepRequest, options: CompareOptions, exactGradients?: OracleGradients, exactNext?: DecimalParams): PreparedStep {
  const c = compareContext(options);
  const g = exactGradients ?? oracleGradientsFor(request, c);
  const L = c.oracle.decimal(request.learningRate);
  const next = toNumberParams(exactNext ?? request.params.map(({ W, b }, l) => ({
    W: W.map((row, i) => row.map((w, j) => c.oracle.decimal(w).minus(L.times(g.grads[l]!.W[i]![j]!)))),
    b: b.map((v, i) => c.oracle.decimal(v).minus(L.times(g.grads[l]!.b[i]!))),
  })));
  const Etheta = inputParamScales(request.params, c.roundedInputs);
  const { exact, scales } = exactGradientsWithScales(request, c, Etheta, exactToNumbers(g));
  const E = stepScales(request.params, exact.grads, next, Etheta, scales.grads, request.learningRate, c.roundedInputs ? Math.abs(request.learningRate) : 0, c.dtype);
  return { next, E };
}

/**
 * Compares a `step` answer with θ − L·∇C(θ) from the oracle (`exact`: its gradients for this request, if at hand;
 * `exactNext`: the exact parameters after the step when they are known already, as a fixture stores them;
 * `prepared`: `prepareStep` of the same request and options, when several answers are compared with it). A request
 * with an `optimizer` is compared with that optimizer's exact update, state included (compareOptimizer.ts).
 */
export function compareStep(request: StepRequest, actual: StepResult, options: CompareOptions, exactGradients?: OracleGradients, exactNext?: DecimalParams, prepared?: PreparedStep): Comparison {
  if (request.optimizer !== undefined) return compareOptimizerStep({ ...request, optimizer: request.optimizer }, actual, options);
  const { next, E } = prepared ?? prepareStep(request, options, exactGradients, exactNext);
  const problems: string[] = [];
  const entries = paramEntries(next, actual.params, E, options.dtype, problems, () => `θ − L·g: θ's and g's scales plus two roundings`);
  return verdict(entries, problems);
}
