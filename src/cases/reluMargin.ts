import type { Decimal } from "decimal.js";
import type { NetworkSpec } from "../network/types.ts";
import type { DecimalLayerValues } from "../oracle/index.ts";

/**
 * The smallest |z| over every ReLU unit and sample of a forward pass (`layers[l].z[sample][unit]`), or
 * `undefined` when the network has no ReLU layer: how far the pass stays from the kink at 0.
 */
export function reluMargin(network: NetworkSpec, layers: readonly Pick<DecimalLayerValues, "z">[]): Decimal | undefined {
  let margin: Decimal | undefined;
  layers.forEach(({ z }, l) => {
    if (network.activations[l] !== "relu") return;
    for (const zs of z) {
      for (const zi of zs) {
        const distance = zi.abs();
        if (margin === undefined || distance.lt(margin)) margin = distance;
      }
    }
  });
  return margin;
}
