import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams } from "./decimal.ts";
import { oracleGradients, type OracleGradients } from "./gradients.ts";

/** θ − L·∇C(θ) on the whole batch, in decimal, with the gradients it used (pass them when already known for these very params and batch). */
export function oracleStep(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
  targets: DecimalMatrix,
  learningRate: Decimal,
  gradients: OracleGradients = oracleGradients(D, network, params, inputs, targets),
): { readonly params: DecimalParams; readonly gradients: OracleGradients } {
  const next = params.map(({ W, b }, l) => {
    const g = gradients.grads[l]!;
    return {
      W: W.map((row, i) => row.map((w, j) => w.minus(learningRate.times(g.W[i]![j]!)))),
      b: b.map((bi, i) => bi.minus(learningRate.times(g.b[i]!))),
    };
  });
  return { params: next, gradients };
}

/** SGD in decimal: one step per entry of `order` on that single sample; `costs[k]` is its cost before step k. */
export function oracleTrain(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
  targets: DecimalMatrix,
  learningRate: Decimal,
  order: readonly number[],
): { readonly params: DecimalParams; readonly costs: readonly Decimal[] } {
  const costs: Decimal[] = [];
  let theta = params;
  for (const s of order) {
    const { params: next, gradients } = oracleStep(D, network, theta, [inputs[s]!], [targets[s]!], learningRate);
    costs.push(gradients.cost);
    theta = next;
  }
  return { params: theta, costs };
}
