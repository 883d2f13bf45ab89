import { showX } from "./lossyRanges.ts";

/** A pinned convention, checked: `kind` is stable ("relu-derivative-at-zero", "relu-value-at-zero"). */
export interface ConventionFinding {
  readonly kind: string;
  readonly ok: boolean;
  readonly message: string;
}

/**
 * ReLU's pinned conventions at ±0, from the answers to the audit's domain: ReLU′(±0) = 0 (a ReLU′(0) = 1 is named
 * as such) and relu(±0) = 0 (numerically: a −0 passes here and is noted by the audit).
 */
export function reluConventions(domain: readonly number[], value: readonly number[], derivative: readonly number[]): ConventionFinding[] {
  const zeros = domain.map((x, k) => ({ x, k })).filter(({ x }) => x === 0);
  const at = (m: readonly number[]) => zeros.map(({ x, k }) => `${m === derivative ? "ReLU′" : "relu"}(${showX(x)}) = ${showX(m[k]!)}`).join(", ");
  const derivativeOk = zeros.every(({ k }) => derivative[k] === 0);
  const oneAtZero = zeros.some(({ k }) => derivative[k] === 1);
  const valueOk = zeros.every(({ k }) => value[k] === 0);
  return [
    {
      kind: "relu-derivative-at-zero",
      ok: derivativeOk,
      message: derivativeOk ? `ReLU′(0) = 0 (${at(derivative)})` : `${at(derivative)}${oneAtZero ? " — ReLU′(0) = 1" : ""}: nncheck's convention is ReLU′(0) = 0 (the seed's d_relu = x > 0)`,
    },
    { kind: "relu-value-at-zero", ok: valueOk, message: valueOk ? `relu(±0) = 0 (${at(value)})` : `${at(value)}: relu(±0) must be 0` },
  ];
}
