/** Params packed into Float64Arrays, with preallocated per-sample buffers, for the SGD kernel of `train`. */
import type { NetworkSpec, Params } from "../network/types.ts";
import { activationFunctions, type ActivationFunction, type ElementwiseName } from "./activationFunctions.ts";

/** One layer l for a single sample: W_l row-major (`W[i * fanIn + j]` = W_l[i][j]), b_l, and buffers for z, a, f′(z), dC/da, δ. */
export interface PackedLayer {
  /** layers[l − 1]: the width of a_{l−1} */
  readonly fanIn: number;
  /** layers[l]: the width of z_l and a_l */
  readonly units: number;
  readonly f: ActivationFunction;
  readonly W: Float64Array;
  readonly b: Float64Array;
  readonly z: Float64Array;
  readonly a: Float64Array;
  readonly dA_dZ: Float64Array;
  readonly dC_dA: Float64Array;
  readonly delta: Float64Array;
}

/** Copies `params` into packed layers (the caller's params are never written). */
export function packLayers(network: NetworkSpec, params: Params): PackedLayer[] {
  return params.map(({ W, b }, l) => {
    const fanIn = network.layers[l]!;
    const units = network.layers[l + 1]!;
    const packedW = new Float64Array(units * fanIn);
    W.forEach((row, i) => packedW.set(row, i * fanIn));
    return {
      fanIn,
      units,
      f: activationFunctions[network.activations[l] as ElementwiseName],
      W: packedW,
      b: Float64Array.from(b),
      z: new Float64Array(units),
      a: new Float64Array(units),
      dA_dZ: new Float64Array(units),
      dC_dA: new Float64Array(units),
      delta: new Float64Array(units),
    };
  });
}

/** The params held by packed layers, as plain nested arrays. */
export function unpackParams(layers: readonly PackedLayer[]): Params {
  return layers.map(({ W, b, units, fanIn }) => ({
    W: Array.from({ length: units }, (_, i) => Array.from(W.subarray(i * fanIn, (i + 1) * fanIn))),
    b: Array.from(b),
  }));
}
