import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE } from "../../family/activations.ts";
import { COST_TABLE, exactReductionWeight } from "../../family/costs.ts";
import type { NetworkSpec } from "../../network/types.ts";
import { decimalActivation, decimalLayerActivation, dot, oracleForward, type DecimalConstructor, type DecimalLayerValues, type DecimalParams, type DecimalMatrix } from "../../oracle/index.ts";

/** The batch cost w·Σ_s c_s of a decimal output layer (z and a), by the family table's exact per-sample cost. */
export function decimalNetworkCost(D: DecimalConstructor, network: NetworkSpec, output: Pick<DecimalLayerValues, "z" | "a">, targets: DecimalMatrix): Decimal {
  const cost = COST_TABLE[network.cost];
  const w = exactReductionWeight(D, network.reduction, output.a.length, network.layers.at(-1)!);
  return output.a.reduce((sum, a, s) => sum.plus(cost.exactValue(D, output.z[s]!, a, targets[s]!)), new D(0)).times(w);
}

/**
 * The cost after replacing unit i of layer l's weights by `w` and bias by `bias`, all else as in `params`: `layers`
 * is the forward pass at `params` (its a_(l−1) and the other units' z of layer l are unchanged), so only layer l's
 * activation and the layers after it are recomputed. Values only (the oracle's forward pass and activation values,
 * the cost table's exact costs), no derivative formula.
 */
export function unitPerturbedCost(
  D: DecimalConstructor, network: NetworkSpec, params: DecimalParams, layers: readonly DecimalLayerValues[], inputs: DecimalMatrix, targets: DecimalMatrix,
  l: number, i: number, w: readonly Decimal[], bias: Decimal,
): Decimal {
  const aPrev = l === 0 ? inputs : layers[l - 1]!.a;
  const f = network.activations[l]!;
  const z = layers[l]!.z.map((zs, s) => zs.map((value, unit) => (unit === i ? dot(D, w, aPrev[s]!).plus(bias) : value)));
  // an elementwise layer changes in unit i only; a softmax layer in every unit
  const a = ACTIVATION_TABLE[f].kind === "vector"
    ? z.map((zs) => decimalLayerActivation(D, f, zs).value)
    : layers[l]!.a.map((as, s) => as.map((value, unit) => (unit === i ? decimalActivation(D, f, z[s]![unit]!).value : value)));
  if (l === params.length - 1) return decimalNetworkCost(D, network, { z, a }, targets);
  const tail: NetworkSpec = { ...network, layers: network.layers.slice(l + 1), activations: network.activations.slice(l + 1) };
  const after = oracleForward(D, tail, params.slice(l + 1), a);
  return decimalNetworkCost(D, network, after[after.length - 1]!, targets);
}
