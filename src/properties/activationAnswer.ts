import type { CheckContext } from "../harness/check.ts";
import type { Activation } from "../network/types.ts";
import { assertShapes } from "./relation.ts";

/** f(x[i]) and f′(x[i]) for a whole vector, in one `activation` request. */
export interface ActivationAnswer {
  readonly value: readonly number[];
  readonly derivative: readonly number[];
}

/** Asks the implementation for `name` on every x (one request); an answer of the wrong shape is a property failure. */
export async function activationAnswer(context: CheckContext, name: Activation, x: readonly number[]): Promise<ActivationAnswer> {
  const answer = await context.implementation.activation({ name, x });
  const vectorOf = (v: unknown) => Array.isArray(v) && v.length === x.length && v.every((e) => typeof e === "number");
  const problems = [
    ...(vectorOf(answer.value) ? [] : [`value is not a vector of ${x.length} numbers`]),
    ...(vectorOf(answer.derivative) ? [] : [`derivative is not a vector of ${x.length} numbers`]),
  ];
  assertShapes(`activation ${name}`, problems, answer);
  return answer as ActivationAnswer;
}

/** softmax(x) and its Jacobian for one logit vector, in one `activation` request. */
export interface LayerActivationAnswer {
  readonly value: readonly number[];
  /** `derivative[i][j]` = ∂value[i]/∂x[j]. */
  readonly derivative: readonly (readonly number[])[];
}

/** Asks the implementation for the layer activation `name` (softmax) on the logit vector x; a wrong shape is a property failure. */
export async function layerActivationAnswer(context: CheckContext, name: Activation, x: readonly number[]): Promise<LayerActivationAnswer> {
  const answer = await context.implementation.activation({ name, x });
  const K = x.length;
  const vectorOf = (v: unknown) => Array.isArray(v) && v.length === K && v.every((e) => typeof e === "number");
  const problems = [
    ...(vectorOf(answer.value) ? [] : [`value is not a vector of ${K} numbers`]),
    ...(Array.isArray(answer.derivative) && answer.derivative.length === K && answer.derivative.every(vectorOf) ? [] : [`derivative is not a ${K}×${K} Jacobian`]),
  ];
  assertShapes(`activation ${name}`, problems, answer);
  return answer as LayerActivationAnswer;
}
