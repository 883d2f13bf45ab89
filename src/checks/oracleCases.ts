import { randomCase, type RandomCase } from "../cases/index.ts";
import { isKinked } from "../family/activations.ts";
import type { NetworkSpec } from "../network/types.ts";
import type { Rng } from "../random/rng.ts";

/** How a case was made, for messages and replays. */
export type OracleCaseKind = "single" | "batch" | "dead-unit" | "saturated";

/** Which cases a check draws: plain ones with a dead unit among them, with or without saturated ones mixed in, or only saturated ones. */
export type CaseMix = "mixed" | "unsaturated" | "saturated";

/** The activations whose layers a saturated case drives to ±800 when they are hidden (their exp overflows naively). */
const SATURATED_HIDDEN = new Set(["softplus"]);

/**
 * The cases the oracle checks send, in a fixed order so a seed replays them. One-sample cases (`batch` false):
 * plain ones, one with a unit of a kinked layer (ReLU, leaky ReLU) whose weights and bias are all 0 (z = 0 exactly,
 * so the pinned f′(0) decides its gradient), and one whose output pre-activations sit at ±800 (where a naive exp
 * overflows and a naive ln(σ(z)) or ln(softmax) is −∞; hidden softplus layers too). Batch cases (`batch` true): 2–5
 * samples each, the same kinds — kept apart because some implementations (the seed's published code among them)
 * cannot take batches and say "unsupported", which skips those checks only. `mix` keeps the saturated cases in
 * (the seed's shapes, as ever), leaves them out, or draws nothing else (the classifier shapes' saturated checks).
 */
export function oracleCases(rng: Rng, network: NetworkSpec, count: number, batch: boolean, mix: CaseMix = "mixed"): { readonly kind: OracleCaseKind; readonly c: RandomCase }[] {
  const kinds: OracleCaseKind[] = mix === "saturated" ? ["saturated"]
    : mix === "unsaturated" ? (batch ? ["batch", "dead-unit", "batch"] : ["single", "dead-unit", "single"])
    : batch ? ["batch", "dead-unit", "saturated"] : ["single", "dead-unit", "saturated", "single"];
  return Array.from({ length: count }, (_, k) => {
    const kind = kinds[k % kinds.length]!;
    const samples = batch ? 2 + rng.int(4) : 1;
    const c = randomCase(rng, network, samples, { paramRange: [-1.5, 1.5], inputRange: [0, 1] });
    const params = c.params.map(({ W, b }) => ({ W: W.map((row) => [...row]), b: [...b] }));
    if (kind === "dead-unit") {
      const l = network.activations.findIndex(isKinked);
      const layer = params[l === -1 ? 0 : l]!;
      const i = rng.int(layer.b.length);
      layer.W[i]!.fill(0);
      layer.b[i] = 0;
    }
    if (kind === "saturated") {
      params.forEach((layer, l) => {
        if (l !== params.length - 1 && !SATURATED_HIDDEN.has(network.activations[l]!)) return;
        layer.b.forEach((_, i) => (layer.b[i] = rng.next() < 0.5 ? -800 : 800));
      });
    }
    return { kind, c: { ...c, params } };
  });
}
