/** One gradient-descent step on a whole batch: θ ← θ − L·∇C(θ), or an optimizer's update (optimizerStep.ts). */
import type { Optimizer, OptimizerState } from "../implementation.ts";
import type { LayerParams, Matrix, NetworkSpec, Params } from "../network/types.ts";
import { gradients } from "./gradients.ts";
import { optimizerUpdate } from "./optimizerStep.ts";

/** New params θ − L·∇C(θ), with ∇C the batch-mean gradient of `gradients`; `params` is not changed. */
export function step(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number): Params {
  return descend(params, gradients(network, params, inputs, targets).grads, learningRate);
}

/** θ − L·dC/dθ entry by entry, for `grads` shaped like `params`; `params` is not changed. */
export function descend(params: Params, grads: readonly LayerParams[], learningRate: number): Params {
  return params.map(({ W, b }, l) => {
    const dC_dW = grads[l]!.W;
    const dC_db = grads[l]!.b;
    return {
      W: W.map((row, i) => row.map((w, j) => w - learningRate * dC_dW[i]![j]!)), // w_hidden −= L * dW1
      b: b.map((bias, i) => bias - learningRate * dC_db[i]!), //                    b_hidden −= L * dB1
    };
  });
}

/** One step of `optimizer` on the whole batch from `state` (fresh when absent): the params and the state after it. */
export function optimizerStep(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number, optimizer: Optimizer, state: OptimizerState | null | undefined): { params: Params; state: OptimizerState; cost: number } {
  const { grads, cost } = gradients(network, params, inputs, targets);
  return { ...optimizerUpdate(optimizer, learningRate, params, grads, state), cost };
}
