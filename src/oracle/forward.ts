import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../network/types.ts";
import { decimalLayerActivation } from "./activations.ts";
import type { DecimalConstructor, DecimalMatrix, DecimalParams } from "./decimal.ts";
import { exactDot } from "./exactDot.ts";

/**
 * One layer in decimal, `[sample][unit]`: z = W·a_prev + b, a = f(z), and the local derivative dA_dZ = f′(z) — for
 * softmax the diagonal ∂a_i/∂z_i of its Jacobian (the backward pass takes the whole Jacobian product).
 */
export interface DecimalLayerValues {
  readonly z: DecimalMatrix;
  readonly a: DecimalMatrix;
  readonly dA_dZ: DecimalMatrix;
}

/**
 * The forward pass in decimal: for each layer l, z_l = W_l·a_(l−1) + b_l and a_l = f_l(z_l), with f_l′(z_l) kept
 * beside it for the backward pass. `inputs` is `[sample][feature]`; each z is exact before it is rounded to D's
 * precision (exactDot), every other operation rounds to it.
 */
export function oracleForward(
  D: DecimalConstructor,
  network: NetworkSpec,
  params: DecimalParams,
  inputs: DecimalMatrix,
): DecimalLayerValues[] {
  const layers: DecimalLayerValues[] = [];
  let aPrev = inputs;
  params.forEach(({ W, b }, l) => {
    const f = network.activations[l]!;
    const z = aPrev.map((x) => W.map((row, i) => exactDot(D, row, x, b[i]!)));
    const fz = z.map((zs) => decimalLayerActivation(D, f, zs));
    const a = fz.map((s) => s.value);
    layers.push({ z, a, dA_dZ: fz.map((s) => s.diagonal) });
    aPrev = a;
  });
  return layers;
}

/** Σ_j u[j]·v[j], exact, rounded once to D's precision (see exactDot). */
export function dot(D: DecimalConstructor, u: readonly Decimal[], v: readonly Decimal[]): Decimal {
  return exactDot(D, u, v);
}
