import fc from "fast-check";
import type { LayerParams, NetworkSpec } from "../../network/types.ts";
import { networkCaseArb, type NetworkCase, type NetworkCaseOptions } from "./networkCase.ts";
import { uniformDouble } from "./numbers.ts";

/** Where a kink case puts the first layer's pre-activation z1[sample][unit]: exactly 0 (offset 0) or just beside it. */
export interface Kink {
  readonly unit: number;
  readonly sample: number;
  readonly offset: number;
}

/** The offsets of z1 from its kink: 0 itself, and ±2^−40, ±2^−20 (beyond float64 rounding of z, so the branch is decided). */
export const KINK_OFFSETS: readonly number[] = [0, 2 ** -40, -(2 ** -40), 2 ** -20, -(2 ** -20)];

/** Multiples of 1/16 in [−1, 1]: products and short sums of them are exact in float64 (and float32). */
const dyadic = fc.integer({ min: -16, max: 16 }).map((k) => k / 16);

function requireReluFirstLayer(network: NetworkSpec, who: string): void {
  if (network.activations[0] !== "relu" || network.layers.length < 3) {
    throw new RangeError(`${who}: expected a network whose first layer is ReLU with a layer after it, got [${network.layers.join(", ")}] [${network.activations.join(", ")}]`);
  }
}

const withBias = (params: readonly LayerParams[], unit: number, bias: number): LayerParams[] =>
  params.map(({ W, b }, l) => (l === 0 ? { W, b: b.map((v, i) => (i === unit ? bias : v)) } : { W, b }));

/**
 * Cases whose first-layer ReLU units sit on their kink: inputs and W1 are multiples of 1/16, so Σ_j W1[i][j]·x[j] is
 * exact, and b1[i] = −Σ + offset puts z1[sample][i] exactly at `offset` ∈ KINK_OFFSETS (0 or just beside it).
 */
export function kinkCaseArb(network: NetworkSpec, options: NetworkCaseOptions = {}): fc.Arbitrary<NetworkCase & { readonly kinks: readonly Kink[] }> {
  requireReluFirstLayer(network, "kinkCaseArb");
  const [inputs, hidden] = [network.layers[0]!, network.layers[1]!];
  const maxBatch = options.maxBatch ?? 4;
  const kink = fc.record({ unit: fc.nat(hidden - 1), sample: fc.nat(maxBatch - 1), offset: fc.constantFrom(...KINK_OFFSETS) });
  const dyadicRows = (rows: number) => fc.array(fc.array(dyadic, { minLength: inputs, maxLength: inputs }), { minLength: rows, maxLength: rows });
  return fc
    .record({
      base: networkCaseArb(network, options),
      W1: dyadicRows(hidden),
      x: fc.array(fc.array(dyadic, { minLength: inputs, maxLength: inputs }), { minLength: maxBatch, maxLength: maxBatch }),
      kinks: fc.array(kink, { minLength: 1, maxLength: 2 }),
    })
    .map(({ base, W1, x, kinks }) => {
      const n = base.inputs.length;
      const placed = kinks.map((k) => ({ ...k, sample: k.sample % n }));
      let params: LayerParams[] = base.params.map((p, l) => (l === 0 ? { W: W1, b: p.b } : p));
      for (const { unit, sample, offset } of placed) {
        const sum = W1[unit]!.reduce((s, w, j) => s + w * x[sample]![j]!, 0); // exact: dyadic terms
        params = withBias(params, unit, -sum + offset);
      }
      return { ...base, params, inputs: x.slice(0, n), kinks: placed };
    });
}

/**
 * Cases with one first-layer ReLU unit off for every sample: b1[unit] = −max_s Σ_j W1[unit][j]·x_s[j] − margin with
 * margin in [2^−10, 1], far beyond the rounding of the sum in float32 or float64.
 */
export function deadUnitCaseArb(network: NetworkSpec, options: NetworkCaseOptions = {}): fc.Arbitrary<NetworkCase & { readonly deadUnit: number }> {
  requireReluFirstLayer(network, "deadUnitCaseArb");
  return fc
    .record({ base: networkCaseArb(network, options), unit: fc.nat(network.layers[1]! - 1), margin: uniformDouble(2 ** -10, 1) })
    .map(({ base, unit, margin }) => {
      const row = base.params[0]!.W[unit]!;
      const highest = Math.max(...base.inputs.map((x) => row.reduce((s, w, j) => s + w * x[j]!, 0)));
      return { ...base, params: withBias(base.params, unit, -highest - margin), deadUnit: unit };
    });
}
