/**
 * The elementwise activations in float64, each value beside its derivative: a view of the family table
 * (src/family/activations.ts), which holds the formulas and their conventions — ReLU′(0) = 0, leaky ReLU′(0) = 0.01,
 * a logistic whose value and slope never overflow, a tanh′ that keeps its accuracy where 1 − tanh² would cancel, a
 * softplus and a silu finite for every input. Softmax acts on a whole layer (see `activateLayer`).
 */
import { ACTIVATION_TABLE, type ElementwiseActivation } from "../family/activations.ts";
import type { Activation } from "../network/types.ts";

/** An activation's value f(z) and its derivative f′(z), both float64. */
export interface ActivationFunction {
  readonly value: (z: number) => number;
  readonly derivative: (z: number) => number;
}

/** The activations that act unit by unit. */
export type ElementwiseName = Exclude<Activation, "softmax">;

/** The elementwise activations by wire name: `activationFunctions[name].value(z)` = f(z), `.derivative(z)` = f′(z). */
export const activationFunctions: Readonly<Record<ElementwiseName, ActivationFunction>> = Object.fromEntries(
  Object.values(ACTIVATION_TABLE)
    .filter((f): f is ElementwiseActivation => f.kind === "elementwise")
    .map((f) => [f.name, { value: f.value, derivative: f.derivative }]),
) as Record<ElementwiseName, ActivationFunction>;

function elementwise(name: Activation): ActivationFunction {
  const f = activationFunctions[name as ElementwiseName];
  if (f === undefined) throw new RangeError(`${name} acts on a whole layer, not on one number (see activateLayer)`);
  return f;
}

/** f(z) for the elementwise activation `name`, float64. */
export function activate(name: Activation, z: number): number {
  return elementwise(name).value(z);
}

/** f′(z) for the elementwise activation `name`, float64 (relu′(0) = 0). */
export function activationDerivative(name: Activation, z: number): number {
  return elementwise(name).derivative(z);
}
