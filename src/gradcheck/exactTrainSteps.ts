import type { NetworkSpec } from "../network/types.ts";
import type { DecimalLike, DecimalParams, Oracle, OracleGradients, ParamsLike } from "../oracle/index.ts";

/** One exact SGD step: the gradients at the step's starting point and the parameters after it. */
export interface ExactTrainStep {
  readonly gradients: OracleGradients;
  readonly params: DecimalParams;
}

/**
 * The oracle's SGD run over `order`, step by step (one sample per step), keeping what a comparison needs:
 * each step's exact gradients (with the forward pass) and the exact parameters after it.
 */
export function exactTrainSteps(
  oracle: Oracle,
  network: NetworkSpec,
  params: ParamsLike,
  inputs: readonly (readonly DecimalLike[])[],
  targets: readonly (readonly DecimalLike[])[],
  learningRate: DecimalLike,
  order: readonly number[],
): ExactTrainStep[] {
  const steps: ExactTrainStep[] = [];
  let theta: ParamsLike = params;
  for (const s of order) {
    const step = oracle.step(network, theta, [inputs[s]!], [targets[s]!], learningRate);
    steps.push(step);
    theta = step.params;
  }
  return steps;
}
