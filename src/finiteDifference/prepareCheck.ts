import type { Dtype } from "../gradcheck/index.ts";
import type { GradientsRequest, Implementation } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import { roundToDtype, unitRoundoff } from "./dtypeArithmetic.ts";
import { implementationEvaluator, type EvaluatorOptions, type ImplementationEvaluator } from "./implementationEvaluator.ts";
import type { LineOptions } from "./lineDerivatives.ts";
import { flattenParams } from "./paramVector.ts";
import type { FdVerdict } from "./lineVerdict.ts";
import type { StepOptions } from "./stepSize.ts";
import type { Evaluation } from "./types.ts";

/** Options shared by the full and the directional check. */
export interface FiniteDifferenceOptions extends StepOptions, EvaluatorOptions, Omit<LineOptions, "dtype"> {
  /** Factor between the numeric error estimate and the tolerance. Default FD_SAFETY (4). */
  readonly safety?: number;
  /** Bounds on the analytic gradient's own rounding error, per parameter (flattened order). Default `defaultGradientNoise`. */
  readonly gradientNoise?: readonly number[];
}

/** What a finite-difference check found: a verdict per entry and the cost of finding it. */
export interface FiniteDifferenceReport {
  /** No entry is a mismatch ("at-kink" entries are not mismatches). */
  readonly ok: boolean;
  readonly verdicts: readonly FdVerdict[];
  readonly mismatches: readonly FdVerdict[];
  readonly atKink: number;
  /** Implementation calls made (the analytic gradients included). */
  readonly calls: number;
  /** The parameters the check ran at (the request's, rounded to the dtype). */
  readonly params: Params;
  readonly cost: number;
  /** Present when only a seeded sample of the entries was checked (`fd/full` above its threshold): their names, out of how many, the seed. */
  readonly sample?: { readonly entries: readonly string[]; readonly of: number; readonly seed: number };
}

/** Roundings allowed to each analytic gradient entry by default, on the scale |g_i| + max_j |g_j|. */
export const GRADIENT_NOISE_ROUNDINGS = 64;

/** The default rounding allowance of an analytic gradient: 64·u·(|g_i| + max_j |g_j|) for every entry. */
export function defaultGradientNoise(g: readonly number[], dtype: Dtype): number[] {
  const max = g.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  return g.map((x) => GRADIENT_NOISE_ROUNDINGS * unitRoundoff(dtype) * (Math.abs(x) + max));
}

/** The shared start of a check: θ rounded to the dtype, the analytic gradient and the centre evaluation, in parallel. */
export async function prepareCheck(implementation: Implementation, request: GradientsRequest, options: FiniteDifferenceOptions) {
  const r = (x: number) => roundToDtype(x, options.dtype);
  const params: Params = request.params.map(({ W, b }) => ({ W: W.map((row) => row.map(r)), b: b.map(r) }));
  const at = { ...request, params };
  const evaluator: ImplementationEvaluator = implementationEvaluator(implementation, at, options);
  const [analytic, centers] = await Promise.all([implementation.gradients(at), evaluator.evaluate([flattenParams(params).theta])]);
  const { theta, names } = flattenParams(params);
  const g = flattenParams(analytic.grads).theta;
  if (g.length !== theta.length) throw new RangeError(`finite differences: the implementation's gradients have ${g.length} entries, expected ${theta.length}`);
  const center: Evaluation = centers[0]!;
  const gradientNoise = options.gradientNoise ?? defaultGradientNoise(g, options.dtype);
  return { params, theta, names, g, center, evaluator, gradientNoise, extraCalls: 1 };
}

/** The report from verdicts. */
export function report(verdicts: readonly FdVerdict[], calls: number, params: Params, cost: number, sample?: FiniteDifferenceReport["sample"]): FiniteDifferenceReport {
  const mismatches = verdicts.filter((v) => v.status === "mismatch");
  return { ok: mismatches.length === 0, verdicts, mismatches, atKink: verdicts.filter((v) => v.status === "at-kink").length, calls, params, cost, ...(sample ? { sample } : {}) };
}
