/**
 * The engine's tolerances for activation answers on exact inputs, from the family table: what a property relating
 * two activation answers allows each side (twice this, per the suite's rule), never a blanket constant.
 */
import { allowedError } from "../activationAudit/auditRules.ts";
import { ACTIVATION_TABLE, type ElementwiseActivation, type VectorActivation } from "../family/activations.ts";
import { ulpOf } from "../finiteDifference/dtypeArithmetic.ts";
import { DTYPES, toleranceFor, type Dtype } from "../gradcheck/index.ts";
import type { Activation } from "../network/types.ts";
import type { Oracle } from "../oracle/index.ts";

/** f(x), f′(x) in float64 and the engine's tolerance for each, for an exactly fed unit. */
export interface UnitTolerance {
  readonly value: number;
  readonly derivative: number;
  readonly valueTolerance: number;
  readonly derivativeTolerance: number;
}

/**
 * The tolerance the gradient engine gives f(x) and f′(x) of elementwise activation `name` at an exact x (E(z) = 0):
 * SAFETY·u·E + absFloor with E the table's rounding scales (e.g. E(σ) = T·σ, E(leaky_relu(x)) = 2|a| below 0, 0 above).
 */
export function unitTolerance(name: Activation, x: number, dtype: Dtype): UnitTolerance {
  const f = ACTIVATION_TABLE[name] as ElementwiseActivation;
  if (f.kind !== "elementwise") throw new RangeError(`unitTolerance: ${name} is not elementwise`);
  const a = f.value(x), d = f.derivative(x);
  const { Ea, Ed } = f.scales({ z: x, a, d, Ez: 0, u: DTYPES[dtype].u });
  return { value: a, derivative: d, valueTolerance: toleranceFor(dtype, Ea), derivativeTolerance: toleranceFor(dtype, Ed) };
}

/** The exact softmax of a logit vector (rounded to float64) and the bound on each entry of a correct answer. */
export interface SoftmaxTolerance {
  readonly value: readonly number[];
  readonly jacobian: readonly (readonly number[])[];
  /** Per entry: the audit's bound max(LOSSY_ULPS ulps, the table's allowance) + absFloor. */
  readonly valueTolerance: readonly number[];
  readonly jacobianTolerance: readonly (readonly number[])[];
}

/**
 * The activation audit's bound on softmax(z) and its Jacobian at an exact z, for every z (huge logits included):
 * max(LOSSY_ULPS ulps of the exact entry, SAFETY·u·a_i·(T + |z_i − max z| + K) for a value, and the table's
 * Jacobian allowance) + absFloor. The relative part charges the exp of z_i − max z, the sum and the division; an
 * implementation that subtracts the max (or not, where exp does not overflow) stays within it.
 */
export function softmaxTolerance(z: readonly number[], dtype: Dtype, oracle: Oracle): SoftmaxTolerance {
  const f = ACTIVATION_TABLE.softmax as VectorActivation;
  const exact = oracle.layerActivation("softmax", z);
  const a = exact.value.map((v) => v.toNumber());
  const J = (exact.jacobian ?? []).map((row) => row.map((v) => v.toNumber()));
  const { u, absFloor } = DTYPES[dtype];
  const bound = (x: number, i: number, j: number | undefined) => allowedError(ulpOf(x, dtype), f.audit.allowance(z, a, i, j, u), dtype) + absFloor;
  return {
    value: a,
    jacobian: J,
    valueTolerance: a.map((x, i) => bound(x, i, undefined)),
    jacobianTolerance: J.map((row, i) => row.map((x, j) => bound(x, i, j))),
  };
}
