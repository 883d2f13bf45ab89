import type { Decimal } from "decimal.js";
import { isKinked } from "../family/activations.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalLayerValues } from "../oracle/index.ts";

/**
 * The smallest |z| over every unit and sample of a kinked layer (ReLU, leaky ReLU) of a forward pass
 * (`layers[l].z[sample][unit]`), or `undefined` when the network has none: how far the pass stays from the kink at 0.
 */
export function reluMargin(network: NetworkSpec, layers: readonly Pick<DecimalLayerValues, "z">[]): Decimal | undefined {
  let margin: Decimal | undefined;
  layers.forEach(({ z }, l) => {
    if (!isKinked(network.activations[l]!)) return;
    for (const zs of z) {
      for (const zi of zs) {
        const distance = zi.abs();
        if (margin === undefined || distance.lt(margin)) margin = distance;
      }
    }
  });
  return margin;
}
