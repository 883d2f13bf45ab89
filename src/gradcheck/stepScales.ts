import type { Params } from "../network/types.ts";
import { productE, type ParamScales } from "./gradientScales.ts";
import { DTYPES, type Dtype } from "./tolerance.ts";

/**
 * Rounding scales of one step θ′ = θ − L·g: the operands' errors plus one rounding for the product and one for the
 * difference. `Etheta` are the parameters' own scales (0 when exact), `EL` the learning rate's.
 */
export function stepScales(params: Params, grads: Params, next: Params, Etheta: readonly ParamScales[], Eg: readonly ParamScales[], learningRate: number, EL: number, dtype: Dtype): ParamScales[] {
  const { u } = DTYPES[dtype];
  const one = (theta: number, Et: number, g: number, E_g: number, t1: number) =>
    Et + productE(learningRate, EL, g, E_g, u) + Math.abs(learningRate * g) + Math.abs(t1);
  return params.map(({ W, b }, l) => ({
    W: W.map((row, i) => row.map((w, j) => one(w, Etheta[l]!.W[i]![j]!, grads[l]!.W[i]![j]!, Eg[l]!.W[i]![j]!, next[l]!.W[i]![j]!))),
    b: b.map((v, i) => one(v, Etheta[l]!.b[i]!, grads[l]!.b[i]!, Eg[l]!.b[i]!, next[l]!.b[i]!)),
  }));
}
