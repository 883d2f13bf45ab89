import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../../network/types.ts";
import { decimalActivation, dot, oracleForward, type DecimalConstructor, type DecimalLayerValues, type DecimalParams, type DecimalMatrix } from "../../oracle/index.ts";

/** The mean squared error (1/n) Σ_samples Σ_outputs (a − y)² of decimal outputs. */
export function decimalSquaredError(D: DecimalConstructor, outputs: DecimalMatrix, targets: DecimalMatrix): Decimal {
  let sum = new D(0);
  outputs.forEach((as, s) => as.forEach((a, k) => {
    const e = a.minus(targets[s]![k]!);
    sum = sum.plus(e.times(e));
  }));
  return sum.div(outputs.length);
}

/**
 * The cost C = (1/n) Σ (a − y)² after replacing unit i of layer l's weights by `w` and bias by `bias`, all else
 * as in `params`: `layers` is the forward pass at `params` (its a_(l−1) and the other units of layer l are
 * unchanged), so only unit i and the layers after it are recomputed. Values only (the oracle's forward pass and
 * activation values), no derivative formula.
 */
export function unitPerturbedCost(
  D: DecimalConstructor, network: NetworkSpec, params: DecimalParams, layers: readonly DecimalLayerValues[], inputs: DecimalMatrix, targets: DecimalMatrix,
  l: number, i: number, w: readonly Decimal[], bias: Decimal,
): Decimal {
  const aPrev = l === 0 ? inputs : layers[l - 1]!.a;
  const a = layers[l]!.a.map((as, s) => as.map((value, unit) => (unit === i ? decimalActivation(D, network.activations[l]!, dot(D, w, aPrev[s]!).plus(bias)).value : value)));
  if (l === params.length - 1) return decimalSquaredError(D, a, targets);
  const tail: NetworkSpec = { ...network, layers: network.layers.slice(l + 1), activations: network.activations.slice(l + 1) };
  const after = oracleForward(D, tail, params.slice(l + 1), a);
  return decimalSquaredError(D, after[after.length - 1]!.a, targets);
}
