import { isKinked } from "../family/activations.ts";
import type { Dtype } from "../gradcheck/index.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";
import { forward } from "../reference/index.ts";
import { roundToDtype } from "./dtypeArithmetic.ts";

/** Which pre-activation of a kinked layer (ReLU, leaky ReLU) to drive onto its kink, and how far off it to leave it. */
export interface KinkTarget {
  /** 0-based layer index (must be a kinked layer), unit and sample. */
  readonly layer: number;
  readonly unit: number;
  readonly sample: number;
  /** The z wanted: 0 for on the kink, ±δ for a hair either side. Default 0. */
  readonly offset?: number;
  /** Zero the unit's weights and bias instead (a dead unit: z = 0 exactly for every sample, in any arithmetic). */
  readonly dead?: boolean;
}

/**
 * Params with one ReLU unit driven onto its kink: b_i = offset − W_i·a_(l−1)[sample] (a from the float64
 * reference's forward pass, everything rounded to `dtype`), so that z_i for that sample is `offset` up to one
 * rounding; or, with `dead`, W_i = 0 and b_i = 0.
 */
export function placeOnKink(network: NetworkSpec, params: Params, inputs: Matrix, target: KinkTarget, dtype: Dtype = "float64"): Params {
  const { layer: l, unit: i, sample: s } = target;
  if (!isKinked(network.activations[l]!)) throw new RangeError(`placeOnKink: layer ${l} is ${network.activations[l]}, expected a kinked layer (ReLU, leaky ReLU)`);
  const W = params[l]?.W[i];
  if (!W || inputs[s] === undefined) throw new RangeError(`placeOnKink: no unit ${i} in layer ${l} or no sample ${s}`);
  const r = (x: number) => roundToDtype(x, dtype);
  const rounded: Params = params.map((p) => ({ W: p.W.map((row) => row.map(r)), b: p.b.map(r) }));
  const aPrev = l === 0 ? inputs[s]!.map(r) : forward(network, rounded, inputs.map((x) => x.map(r)))[l - 1]!.a[s]!;
  const dot = W.reduce((sum, w, j) => sum + r(w) * aPrev[j]!, 0);
  return rounded.map((p, m) => m !== l ? p : {
    W: target.dead ? p.W.map((row, k) => (k === i ? row.map(() => 0) : row)) : p.W,
    b: p.b.map((v, k) => (k !== i ? v : target.dead ? 0 : r((target.offset ?? 0) - dot))),
  });
}
