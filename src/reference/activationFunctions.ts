/**
 * The four activations in float64, each value written beside its derivative, with the conventions of the
 * brief: ReLU′(0) = 0; a logistic whose value and slope never overflow; a tanh′ that keeps its accuracy
 * where 1 − tanh² would cancel to 0.
 */
import type { Activation } from "../network/types.ts";

/** An activation's value f(z) and its derivative f′(z), both float64. */
export interface ActivationFunction {
  readonly value: (z: number) => number;
  readonly derivative: (z: number) => number;
}

/** The four activations by wire name: `activationFunctions[name].value(z)` = f(z), `.derivative(z)` = f′(z). */
export const activationFunctions: Readonly<Record<Activation, ActivationFunction>> = {
  relu: {
    // relu(z) = max(z, 0), written so that relu(−0) = 0
    value: (z) => (z > 0 ? z : 0),
    // relu′(z) = [z > 0], so relu′(0) = 0 (the seed's d_relu = x > 0)
    derivative: (z) => (z > 0 ? 1 : 0),
  },
  logistic: {
    // σ(z) = 1/(1 + e^−z); for z < 0 the same value as e^z/(1 + e^z), so exp only sees arguments ≤ 0
    value: (z) => {
      if (z >= 0) return 1 / (1 + Math.exp(-z));
      const e = Math.exp(z);
      return e / (1 + e);
    },
    // σ′(z) = σ(z)(1 − σ(z)) = e/(1 + e)² with e = e^−|z| ≤ 1: no overflow, no cancellation
    derivative: (z) => {
      const e = Math.exp(-Math.abs(z));
      return e / ((1 + e) * (1 + e));
    },
  },
  tanh: {
    value: (z) => Math.tanh(z),
    // tanh′(z) = 1 − tanh²(z) = 4t/(1 + t)² with t = e^−2|z|: accurate where 1 − tanh² cancels to 0
    derivative: (z) => {
      const t = Math.exp(-2 * Math.abs(z));
      return (4 * t) / ((1 + t) * (1 + t));
    },
  },
  identity: {
    value: (z) => z,
    derivative: () => 1,
  },
};

/** f(z) for the activation `name`, float64. */
export function activate(name: Activation, z: number): number {
  return activationFunctions[name].value(z);
}

/** f′(z) for the activation `name`, float64 (relu′(0) = 0). */
export function activationDerivative(name: Activation, z: number): number {
  return activationFunctions[name].derivative(z);
}
