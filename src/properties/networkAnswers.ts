/**
 * The implementation's answers for network requests, checked before a property uses them: an answer of the wrong shape,
 * or with non-finite forward values or parameters, is a property failure (never a crash of the property).
 */
import type { CheckContext } from "../harness/check.ts";
import type { ForwardRequest, ForwardResult, GradientsRequest, GradientsResult, StepRequest, StepResult, TrainRequest, TrainResult } from "../implementation.ts";
import { assertShapes, layersShapeProblems, namedForward, namedParamEntries, paramsShapeProblems } from "./relation.ts";

/** Entries that are not finite numbers: wrong answers for the small, finite cases properties send (and unusable as requests). */
function nonFinite(what: string, entries: readonly (readonly [string, number])[]): string[] {
  const bad = entries.filter(([, v]) => !Number.isFinite(v));
  return bad.length === 0 ? [] : [`${what} has ${bad.length} non-finite entries (${bad.slice(0, 3).map(([name, v]) => `${name} = ${v}`).join(", ")})`];
}

/** `forward`, with `layers[l].z` and `.a` samples × units. */
export async function forwardAnswer(context: CheckContext, request: ForwardRequest): Promise<ForwardResult> {
  const answer = await context.implementation.forward(request);
  assertShapes("forward", layersShapeProblems("layers", request.network.layers.slice(1), request.inputs.length, answer?.layers), answer);
  assertShapes("forward", nonFinite("layers", namedForward(answer)), answer);
  return answer;
}

/** `gradients`, with a numeric cost and grads shaped like the params. */
export async function gradientsAnswer(context: CheckContext, request: GradientsRequest): Promise<GradientsResult> {
  const answer = await context.implementation.gradients(request);
  const problems = [...(typeof answer?.cost === "number" ? [] : ["cost is not a number"]), ...paramsShapeProblems("grads", request.params, answer?.grads)];
  assertShapes("gradients", problems, answer);
  return answer;
}

/** `step`, with params shaped like the request's. */
export async function stepAnswer(context: CheckContext, request: StepRequest): Promise<StepResult> {
  const answer = await context.implementation.step(request);
  assertShapes("step", paramsShapeProblems("params", request.params, answer?.params), answer);
  assertShapes("step", nonFinite("params", namedParamEntries(answer.params)), answer);
  return answer;
}

/** `train`, with params shaped like the request's and, when present, one cost per step. */
export async function trainAnswer(context: CheckContext, request: TrainRequest): Promise<TrainResult> {
  const answer = await context.implementation.train(request);
  const costs = answer?.costs;
  const costProblems = costs === undefined || (Array.isArray(costs) && costs.length === request.order.length) ? [] : [`costs has ${Array.isArray(costs) ? costs.length : typeof costs} entries, expected ${request.order.length} (one per step)`];
  const observed = { params: answer?.params, costs: Array.isArray(costs) ? `${costs.length} costs` : costs };
  assertShapes("train", [...paramsShapeProblems("params", request.params, answer?.params), ...costProblems], observed);
  assertShapes("train", nonFinite("params", namedParamEntries(answer.params)), observed);
  return answer;
}
