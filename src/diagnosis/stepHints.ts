/**
 * Diagnosis of a wrong `step` or `train` answer: each hypothesis of STEP_HYPOTHESES (and, for a rate of 0, a
 * default rate inferred from the change) predicts an exact step, which is compared with the answer exactly as the
 * right step was — same rounding scales, same tolerances. A hint is given only when the prediction passes that
 * comparison and is told apart from the right step by more than both tolerances somewhere: nothing is guessed.
 */
import { compareStep, compareTrain, type CompareOptions, type Comparison, type ExactTrainStep } from "../gradcheck/index.ts";
import { compareContext } from "../gradcheck/comparison.ts";
import type { Hint } from "../harness/check.ts";
import type { StepRequest, StepResult, TrainRequest, TrainResult } from "../implementation.ts";
import { toDecimalMatrix, toDecimalParams, toNumberParams, type DecimalParams, type OracleGradients } from "../oracle/index.ts";
import { STEP_HYPOTHESES, stepAlong } from "./stepHypotheses.ts";

/** Whether a hypothesis's comparison and the right one's expect values further apart than their tolerances together somewhere. */
function distinct(hypothesis: Comparison, right: Comparison): boolean {
  return hypothesis.entries.some((e, k) => {
    const r = right.entries[k];
    return r !== undefined && r.entry === e.entry && Math.abs(e.expected - r.expected) > e.tolerance + r.tolerance;
  });
}

/** Whether the answer is the hypothesis's step: it passes the hypothesis's comparison, which differs from the right one. */
const reproduces = (hypothesis: Comparison, right: Comparison) => hypothesis.ok && distinct(hypothesis, right);

/**
 * Hints for a `step` answer `actual` to `request` that failed `comparison` (the right step's, from the exact
 * gradients `exact` at θ): a step that ascends, a doubled rate, the rate divided by the batch, the hidden layers
 * backpropagated through output weights already updated, and — for L = 0 — a default rate L′ inferred from the change.
 */
export function diagnoseStep(request: StepRequest, actual: StepResult, comparison: Comparison, options: CompareOptions, exact: OracleGradients): Hint[] {
  if (comparison.ok || comparison.problems.length > 0 || request.optimizer !== undefined) return []; // the hypotheses are plain SGD's steps
  const { oracle } = compareContext(options);
  const { D } = oracle;
  options = { ...options, oracle };
  const L = request.learningRate;
  const n = request.inputs.length;
  const at = { D, network: request.network, params: toDecimalParams(D, request.params), inputs: toDecimalMatrix(D, request.inputs), exact, learningRate: oracle.decimal(L) };
  const hints: Hint[] = STEP_HYPOTHESES.filter((h) => h.applies(L, n, request.network)).flatMap((h): Hint[] => {
    const grads = h.gradients?.(at);
    const hypothesis = compareStep({ ...request, learningRate: h.rate(L, n) }, actual, options, grads === undefined ? exact : { ...exact, grads });
    return reproduces(hypothesis, comparison) ? [{ kind: h.kind, message: h.why("the step", L, n) }] : [];
  });
  if (L === 0) hints.push(...zeroRateHints(request, actual, comparison, options, exact));
  return hints;
}

/**
 * A rate of 0 that moved θ: L′ = −Σ Δθ·g / Σ g² (least squares over every entry, g the exact gradient), snapped to
 * the fewest significant digits (1–6) whose exact step θ − L′·g passes the comparison.
 */
function zeroRateHints(request: StepRequest, actual: StepResult, comparison: Comparison, options: CompareOptions, exact: OracleGradients): Hint[] {
  const flat = (p: StepResult["params"]) => p.flatMap(({ W, b }) => [...W.flat(), ...b]);
  const g = flat(toNumberParams(exact.grads));
  const theta = flat(request.params);
  const moved = flat(actual.params).map((x, k) => x - theta[k]!);
  const gg = g.reduce((s, x) => s + x * x, 0);
  const inferred = -moved.reduce((s, d, k) => s + d * g[k]!, 0) / gg;
  if (!Number.isFinite(inferred) || inferred === 0) return [];
  for (let digits = 1; digits <= 6; digits++) {
    const rate = Number(inferred.toPrecision(digits));
    if (reproduces(compareStep({ ...request, learningRate: rate }, actual, options, exact), comparison)) {
      return [{ kind: "zero-rate-replaced", message: `a learning rate of 0 moved θ by −L′·g with the exact g and L′ = ${rate}: the 0 replaced by a default (learningRate || ${rate}?) — a rate of 0 must leave θ as it is` }];
    }
  }
  return [];
}

/** "; the costs agree up to costs[k − 1]: step k − 1 (sample s) is the first whose result is wrong" when the costs say so. */
function firstDivergence(request: TrainRequest, comparison: Comparison): string {
  const k = comparison.entries.findIndex((e) => /^costs\[\d+\]$/.test(e.entry) && !e.ok);
  if (k < 1) return "";
  return ` (the costs agree up to costs[${k - 1}]: step ${k - 1}, on sample ${request.order[k - 1]}, is the first whose result is wrong)`;
}

/**
 * Hints for a `train` answer that failed `comparison`: the run each hypothesis predicts (every step wrong the same
 * way, from the exact gradients at each of its own points) compared with the answer as the right run was, costs
 * included. Each step of train is one sample, so the rate over the batch is the rate itself and is not tried.
 */
export function diagnoseTrain(request: TrainRequest, actual: TrainResult, comparison: Comparison, options: CompareOptions): Hint[] {
  if (comparison.ok || comparison.problems.length > 0 || request.optimizer !== undefined) return []; // the hypotheses are plain SGD's steps
  const { oracle } = compareContext(options);
  const { D } = oracle;
  options = { ...options, oracle };
  const L = request.learningRate;
  const divergence = firstDivergence(request, comparison);
  return STEP_HYPOTHESES.filter((h) => h.applies(L, 1, request.network)).flatMap((h): Hint[] => {
    const rate = oracle.decimal(h.rate(L, 1));
    let theta: DecimalParams = toDecimalParams(D, request.params);
    const steps: ExactTrainStep[] = request.order.map((s) => {
      const inputs = toDecimalMatrix(D, [request.inputs[s]!]);
      const exact = oracle.gradients(request.network, theta, inputs, [request.targets[s]!]);
      const grads = h.gradients?.({ D, network: request.network, params: theta, inputs, exact, learningRate: oracle.decimal(L) }) ?? exact.grads;
      theta = stepAlong(theta, grads, rate);
      return { gradients: exact, params: theta };
    });
    const hypothesis = compareTrain({ ...request, learningRate: h.rate(L, 1) }, actual, options, steps);
    return reproduces(hypothesis, comparison) ? [{ kind: h.kind, message: `${h.why("every step of the run", L, 1)}${divergence}` }] : [];
  });
}
