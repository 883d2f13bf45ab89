import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams } from "./decimal.ts";
import { oracleGradients, type OracleGradients } from "./gradients.ts";
import { optimizerUpdate, type DecimalOptimizerState, type ExactOptimizer } from "./optimizerStep.ts";

/** An optimizer with its state before a step (see optimizerStep.ts); absent: plain SGD. */
export interface OracleOptimizer {
  readonly optimizer: ExactOptimizer;
  readonly state: DecimalOptimizerState;
}

/**
 * θ − L·∇C(θ) on the whole batch, in decimal, with the gradients it used; with `optimizer`, that optimizer's update
 * instead, and the state after it. Pass `gradients` when already known for these very params and batch.
 */
export function oracleStep(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
  targets: DecimalMatrix,
  learningRate: Decimal,
  optimizer?: OracleOptimizer,
  gradients: OracleGradients = oracleGradients(D, network, params, inputs, targets),
): { readonly params: DecimalParams; readonly gradients: OracleGradients; readonly state?: DecimalOptimizerState } {
  if (optimizer !== undefined) {
    const { params: next, state } = optimizerUpdate(D, optimizer.optimizer, learningRate, params, gradients.grads, optimizer.state);
    return { params: next, gradients, state };
  }
  const next = params.map(({ W, b }, l) => {
    const g = gradients.grads[l]!;
    return {
      W: W.map((row, i) => row.map((w, j) => w.minus(learningRate.times(g.W[i]![j]!)))),
      b: b.map((bi, i) => bi.minus(learningRate.times(g.b[i]!))),
    };
  });
  return { params: next, gradients };
}

/**
 * SGD in decimal (or `optimizer`'s rule, its state carried from step to step): one step per entry of `order` on that
 * single sample; `costs[k]` is its cost before step k; `state` the optimizer's after the last step.
 */
export function oracleTrain(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
  targets: DecimalMatrix,
  learningRate: Decimal,
  order: readonly number[],
  optimizer?: OracleOptimizer,
): { readonly params: DecimalParams; readonly costs: readonly Decimal[]; readonly state?: DecimalOptimizerState } {
  const costs: Decimal[] = [];
  let theta = params;
  let state = optimizer?.state;
  for (const s of order) {
    const carried = optimizer === undefined ? undefined : { optimizer: optimizer.optimizer, state: state! };
    const { params: next, gradients, state: after } = oracleStep(D, network, theta, [inputs[s]!], [targets[s]!], learningRate, carried);
    costs.push(gradients.cost);
    theta = next;
    state = after;
  }
  return state === undefined ? { params: theta, costs } : { params: theta, costs, state };
}
