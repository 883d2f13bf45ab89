import type { FontData } from "../data/fontData.ts";
import type { NetworkSpec, Params } from "../network/types.ts";
import { forward } from "../reference/index.ts";

/**
 * The fraction of samples whose prediction (a_L ≥ 0.5 ? 1 : 0, from the reference forward pass) equals the
 * label `targets[sample][0]`, as the seed's `np.equal((A2 >= .5).astype(int), Y_test)`; NaN for no samples.
 */
export function classificationAccuracy(network: NetworkSpec, params: Params, data: Pick<FontData, "inputs" | "targets">): number {
  const n = data.inputs.length;
  if (n === 0) return NaN;
  const layers = forward(network, params, data.inputs);
  const aL = layers[layers.length - 1]!.a;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const predicted = aL[i]![0]! >= 0.5 ? 1 : 0;
    if (predicted === data.targets[i]![0]) correct++;
  }
  return correct / n;
}
