/**
 * Diagnosis of a wrong `gradients` answer: hypotheses about the likely bug, each tested against the numbers (the
 * hypothesised gradient is computed and the answer must match it within a loose tolerance, per layer and per
 * parameter group W_l / b_l). The result is a list of hints — guesses labelled as such, never a verdict.
 */
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsRequest, GradientsResult } from "../implementation.ts";
import { derivativeHints } from "./derivativeHints.ts";
import { factorHints } from "./factorHints.ts";
import { outputHints } from "./outputHints.ts";
import { paramGroups } from "./paramGroups.ts";
import { saturationHints } from "./saturationHints.ts";
import { broadcastHints, transposedHints } from "./shapeHints.ts";

/**
 * Hints for a `gradients` answer `actual` to `request`, given the oracle's values `exact` and the verdict
 * `comparison`: transposed or broadcast weight gradients, a wrong activation derivative or ReLU mask, softmax's
 * Jacobian taken as its diagonal, BCE's targets exchanged, constant factors (2, ½, −1, and the reduction's n, 1/n,
 * K, n·K) per group named by the network's cost and reduction, a naive ln σ or ln softmax in the cost and a naive
 * exp overflowing at saturation; when none of those fits, the patterns "errors only on units whose ReLU is off" and
 * "an error confined to one entry".
 * Empty when the answer passed or no hypothesis fits.
 */
export function diagnose(request: GradientsRequest, exact: ExactGradients, actual: GradientsResult, comparison: Comparison): Hint[] {
  if (comparison.ok) return [];
  const groups = paramGroups(exact, actual, comparison);
  const derivative = derivativeHints(request, exact, groups, comparison);
  const hints: Hint[] = [
    ...transposedHints(exact, actual, groups),
    ...broadcastHints(exact, groups),
    ...derivative.tested,
    ...outputHints(request, exact, groups),
    ...factorHints(request.network, exact, actual, groups, comparison, request.inputs.length),
    ...saturationHints(request, exact, actual, comparison),
  ];
  if (hints.length === 0) hints.push(...derivative.pattern);
  const only = comparison.failures[0];
  if (hints.length === 0 && comparison.failures.length === 1 && comparison.problems.length === 0 && only !== undefined) {
    const ratio = only.expected !== 0 && Number.isFinite(only.actual) ? `, ${(only.actual / only.expected).toPrecision(4)}× the exact value` : "";
    hints.push({ kind: "single-entry", message: `only ${only.entry} is wrong (exact ${only.expected}, got ${only.actual}${ratio}) and every other entry is right: a slip confined to one entry — an index typo?` });
  }
  return hints;
}
