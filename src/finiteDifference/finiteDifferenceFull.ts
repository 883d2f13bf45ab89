import type { GradientsRequest, Implementation } from "../implementation.ts";
import { lineDerivatives } from "./lineDerivatives.ts";
import { FD_SAFETY, lineVerdict } from "./lineVerdict.ts";
import { prepareCheck, report, type FiniteDifferenceOptions, type FiniteDifferenceReport } from "./prepareCheck.ts";
import { stepSize } from "./stepSize.ts";

/**
 * Checks every entry of the implementation's gradient (`W1[i][j]`, `b1[i]`, …) against a Richardson-extrapolated
 * central difference of its own cost, each parameter with its own step h_i = c·u^(1/3)·max(|θ_i|, s), kink-aware
 * (see `lineDerivatives`). Costs 1 + ~6 cost evaluations per parameter (more when a kink forces a retry).
 */
export async function finiteDifferenceFull(implementation: Implementation, request: GradientsRequest, options: FiniteDifferenceOptions): Promise<FiniteDifferenceReport> {
  const p = await prepareCheck(implementation, request, options);
  const lines = p.theta.map((t, i) => ({ s: p.theta.map((_, j) => (j === i ? stepSize(t, options.dtype, options) : 0)), dropInexact: false }));
  const results = await lineDerivatives(p.theta, p.center, lines, p.evaluator.evaluate, options);
  const verdicts = results.map((line, i) => {
    const si = line.s[i]!;
    return lineVerdict(p.names[i]!, p.g[i]!, p.gradientNoise[i]!, line, si, options.safety ?? FD_SAFETY, p.evaluator.reluNames);
  });
  return report(verdicts, p.evaluator.calls() + p.extraCalls, p.params, p.center.cost);
}
