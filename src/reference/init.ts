/** Seeded initial parameters for any network shape. */
import type { LayerParams, NetworkSpec, Params } from "../network/types.ts";
import { assertValid, validateNetwork } from "../network/validate.ts";
import type { Rng } from "../random/rng.ts";

/**
 * How to draw initial params: "uniform01" is the seed's `np.random.rand` (every W and b entry uniform in [0, 1));
 * "normal" draws W_l[i][j] ~ N(0, 1/fan_in) and b_l[i] ~ N(0, 0.1²), for deeper or wider shapes.
 */
export type InitScheme = "uniform01" | "normal";

/** Spread of the "normal" scheme's biases: small but non-zero, so that tests exercise every bias. */
const NORMAL_BIAS_STD = 0.1;

/**
 * Initial params for `network`, drawn from `rng` layer by layer (W row by row, then b); the same rng state
 * gives the same params.
 */
export function initParams(network: NetworkSpec, rng: Rng, scheme: InitScheme = "uniform01"): Params {
  assertValid(validateNetwork(network), "initParams");
  if (scheme !== "uniform01" && scheme !== "normal") {
    throw new RangeError(`initParams: scheme must be "uniform01" or "normal", got ${JSON.stringify(scheme)}`);
  }
  const params: LayerParams[] = [];
  for (let l = 1; l < network.layers.length; l++) {
    const fanIn = network.layers[l - 1]!;
    const units = network.layers[l]!;
    const weight = scheme === "uniform01" ? () => rng.next() : () => rng.normal() / Math.sqrt(fanIn);
    const bias = scheme === "uniform01" ? () => rng.next() : () => NORMAL_BIAS_STD * rng.normal();
    const W = Array.from({ length: units }, () => Array.from({ length: fanIn }, weight));
    const b = Array.from({ length: units }, bias);
    params.push({ W, b });
  }
  return params;
}
