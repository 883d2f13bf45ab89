import { isKinked } from "../family/activations.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";

const u = 2 ** -53;

/**
 * Whether every first-layer pre-activation z = b + W·x of a network whose only kinked layer is the first is
 * certainly farther than `margin` from 0 in exact arithmetic on the decimal strings `String(x)` of the case, decided
 * in float64: |fl(z)| − bound > margin, with bound = 2·(n + 4)·u·(|b| + Σ|W||x|) (n the fan-in, u = 2⁻⁵³) covering
 * the float sums (γ_{n+1}), the strings' own ½-ulp distance from the floats and, twice over, what those bounds
 * leave out. False means "not decided here" (a kink in a deeper layer, or a unit too near 0): measure exactly.
 * A 784-128 first layer is 10⁵ multiply-adds in float64 instead of as many exact decimal ones.
 */
export function clearsReluMargin(network: NetworkSpec, params: Params, inputs: Matrix, margin: number): boolean {
  if (!isKinked(network.activations[0]!) || network.activations.slice(1).some(isKinked)) return false;
  const { W, b } = params[0]!;
  const n = network.layers[0]!;
  const factor = 2 * (n + 4) * u;
  for (const x of inputs) {
    for (let i = 0; i < W.length; i++) {
      const row = W[i]!;
      let z = b[i]!, s = Math.abs(b[i]!);
      for (let j = 0; j < n; j++) {
        const p = row[j]! * x[j]!;
        z += p;
        s += Math.abs(p);
      }
      // 1e-300 covers products that underflow (|W·x| below the normal range); NaN fails the comparison
      if (!(Math.abs(z) - factor * s - 1e-300 > margin)) return false;
    }
  }
  return true;
}
