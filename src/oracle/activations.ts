import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import type { Activation } from "../network/types.ts";
import type { DecimalConstructor } from "./decimal.ts";

/** An activation's value and derivative at one point, in decimal. */
export interface DecimalActivation {
  readonly value: Decimal;
  readonly derivative: Decimal;
}

/** A layer's activation in decimal: a = f(z), the Jacobian's diagonal ∂a_i/∂z_i, and (for softmax) the whole Jacobian. */
export interface DecimalLayerActivation {
  readonly value: Decimal[];
  readonly diagonal: Decimal[];
  readonly jacobian?: Decimal[][];
}

/**
 * A float64 taken exactly can have ~750 digits (tiny numbers); series on that many digits are very slow, and ten
 * guard digits beyond the working precision change nothing in f(z), so transcendental activations round z first.
 */
function forEvaluation(D: DecimalConstructor, name: Activation, z: Decimal): Decimal {
  return ACTIVATION_TABLE[name].transcendental ? z.toSignificantDigits(D.precision + 10) : z;
}

/**
 * f(z) and f′(z) of an elementwise activation, to the constructor's precision, with full relative precision for
 * any |z| (the exact forms of src/family/activations.ts). Softmax acts on a layer: see `decimalLayerActivation`.
 */
export function decimalActivation(D: DecimalConstructor, name: Activation, exactZ: Decimal): DecimalActivation {
  const f = ACTIVATION_TABLE[name];
  if (f.kind !== "elementwise") throw new RangeError(`decimalActivation: ${name} acts on a whole layer; use decimalLayerActivation`);
  return f.exact(D, forEvaluation(D, name, exactZ));
}

/** A layer's activation in decimal, whichever kind of activation (see DecimalLayerActivation). */
export function decimalLayerActivation(D: DecimalConstructor, name: Activation, z: readonly Decimal[]): DecimalLayerActivation {
  const f = ACTIVATION_TABLE[name];
  if (f.kind === "vector") {
    const { value, jacobian } = f.exact(D, z.map((zi) => forEvaluation(D, name, zi)));
    return { value, diagonal: jacobian.map((row, i) => row[i]!), jacobian };
  }
  const units = z.map((zi) => decimalActivation(D, name, zi));
  return { value: units.map((u) => u.value), diagonal: units.map((u) => u.derivative) };
}
