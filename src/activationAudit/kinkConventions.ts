import type { Kink } from "../family/activations.ts";
import type { Activation } from "../network/types.ts";
import { showX } from "./lossyRanges.ts";

/** A pinned convention, checked: `kind` is stable ("relu-derivative-at-zero", "leaky_relu-value-at-zero"). */
export interface ConventionFinding {
  readonly kind: string;
  readonly ok: boolean;
  readonly message: string;
}

/**
 * A kinked activation's pinned conventions at ±0, from the answers to the audit's domain: f′(±0) is the pinned
 * derivative (ReLU′(0) = 0, leaky_relu′(0) = 0.01; the other branch's slope is named as such) and f(±0) = 0
 * (numerically: a −0 passes here and is noted by the audit). `round`: the declared dtype's rounding, which a slope
 * such as 0.01 is held in.
 */
export function kinkConventions(name: Activation, kink: Kink, domain: readonly number[], value: readonly number[], derivative: readonly number[], round: (x: number) => number = (x) => x): ConventionFinding[] {
  const label = name === "relu" ? "ReLU" : name;
  const zeros = domain.map((x, k) => ({ x, k })).filter(({ x }) => x === kink.at);
  const at = (m: readonly number[]) => zeros.map(({ x, k }) => `${m === derivative ? `${label}′` : label === "ReLU" ? "relu" : label}(${showX(x)}) = ${showX(m[k]!)}`).join(", ");
  // a slope of 0.01 is only ever held rounded: the pinned value within 2^-20 relatively, or rounded to the dtype
  const is = (d: number, pinned: number) => d === pinned || d === round(pinned) || Math.abs(d - pinned) <= 2 ** -20 * Math.abs(pinned);
  const derivativeOk = zeros.every(({ k }) => is(derivative[k]!, kink.derivative));
  const otherBranch = kink.slopes.find((s) => s !== kink.derivative)!;
  const tookOther = zeros.some(({ k }) => is(derivative[k]!, otherBranch));
  const valueOk = zeros.every(({ k }) => value[k] === kink.value);
  return [
    {
      kind: `${name}-derivative-at-zero`,
      ok: derivativeOk,
      message: derivativeOk ? `${label}′(0) = ${kink.derivative} (${at(derivative)})` : `${at(derivative)}${tookOther ? ` — ${label}′(0) = ${otherBranch}` : ""}: nncheck's convention is ${kink.convention}`,
    },
    { kind: `${name}-value-at-zero`, ok: valueOk, message: valueOk ? `${label === "ReLU" ? "relu" : label}(±0) = 0 (${at(value)})` : `${at(value)}: ${label === "ReLU" ? "relu" : label}(±0) must be 0` },
  ];
}
