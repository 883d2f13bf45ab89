import { randomCase, type RandomCase } from "../cases/index.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { Rng } from "../random/rng.ts";

/** How a case was made, for messages and replays. */
export type OracleCaseKind = "single" | "batch" | "dead-unit" | "saturated";

/**
 * The cases the oracle checks send, in a fixed order so a seed replays them. One-sample cases (`batch` false):
 * plain ones, one with a ReLU unit whose weights and bias are all 0 (z = 0 exactly, so ReLU′(0) = 0 decides its
 * gradient), and one whose output pre-activations sit at ±800 (where a naive exp overflows). Batch cases (`batch`
 * true): 2–5 samples each, the same three kinds — kept apart because some implementations (the seed's published
 * code among them) cannot take batches and say "unsupported", which skips those checks only.
 */
export function oracleCases(rng: Rng, network: NetworkSpec, count: number, batch: boolean): { readonly kind: OracleCaseKind; readonly c: RandomCase }[] {
  const kinds: OracleCaseKind[] = batch ? ["batch", "dead-unit", "saturated"] : ["single", "dead-unit", "saturated", "single"];
  return Array.from({ length: count }, (_, k) => {
    const kind = kinds[k % kinds.length]!;
    const samples = batch ? 2 + rng.int(4) : 1;
    const c = randomCase(rng, network, samples, { paramRange: [-1.5, 1.5], inputRange: [0, 1] });
    const params = c.params.map(({ W, b }) => ({ W: W.map((row) => [...row]), b: [...b] }));
    if (kind === "dead-unit") {
      const l = network.activations.indexOf("relu");
      const layer = params[l === -1 ? 0 : l]!;
      const i = rng.int(layer.b.length);
      layer.W[i]!.fill(0);
      layer.b[i] = 0;
    }
    if (kind === "saturated") {
      const last = params[params.length - 1]!;
      last.b.forEach((_, i) => (last.b[i] = rng.next() < 0.5 ? -800 : 800));
    }
    return { kind, c: { ...c, params } };
  });
}
