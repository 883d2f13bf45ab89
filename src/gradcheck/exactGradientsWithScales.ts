import type { GradientsRequest } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import type { OracleGradients } from "../oracle/index.ts";
import { compareContext, type CompareOptions } from "./comparison.ts";
import { exactToNumbers, type ExactGradients } from "./exactGradients.ts";
import { gradientScales, type GradientScales, type ParamScales } from "./gradientScales.ts";

/** The oracle's exact gradients (and forward pass) for a request. */
export function oracleGradientsFor(request: GradientsRequest, options: CompareOptions): OracleGradients {
  return compareContext(options).oracle.gradients(request.network, request.params, request.inputs, request.targets);
}

/**
 * The oracle's gradients for a request, as numbers, with their rounding scales for `options.dtype`
 * (pass `exact` to reuse one oracle evaluation for several dtypes or comparisons).
 */
export function exactGradientsWithScales(
  request: GradientsRequest,
  options: CompareOptions,
  paramScales?: readonly ParamScales[],
  exact: ExactGradients = exactToNumbers(oracleGradientsFor(request, options)),
): { exact: ExactGradients; scales: GradientScales } {
  const c = compareContext(options);
  const scales = gradientScales({ ...request, exact, dtype: c.dtype, roundedInputs: c.roundedInputs, paramScales: paramScales ?? inputParamScales(request.params, c.roundedInputs) });
  return { exact, scales };
}

/** Parameters' own scales: |θ| when they reach the implementation rounded, else 0. */
export function inputParamScales(params: Params, rounded: boolean): ParamScales[] {
  const e = (x: number) => (rounded ? Math.abs(x) : 0);
  return params.map(({ W, b }) => ({ W: W.map((r) => r.map(e)), b: b.map(e) }));
}

