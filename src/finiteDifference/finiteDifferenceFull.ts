import type { GradientsRequest, Implementation } from "../implementation.ts";
import { lineDerivatives } from "./lineDerivatives.ts";
import { FD_SAFETY, lineVerdict } from "./lineVerdict.ts";
import { prepareCheck, report, type FiniteDifferenceOptions, type FiniteDifferenceReport } from "./prepareCheck.ts";
import { sampleEntries, type EntrySampleOptions } from "./sampleEntries.ts";
import { stepSize } from "./stepSize.ts";

/** The full check's own settings: when it samples entries instead of checking them all (see `sampleEntries`). */
export interface FullOptions extends FiniteDifferenceOptions {
  readonly sample?: EntrySampleOptions;
}

/**
 * Checks every entry of the implementation's gradient (`W1[i][j]`, `b1[i]`, …) against a Richardson-extrapolated
 * central difference of its own cost, each parameter with its own step h_i = c·u^(1/3)·max(|θ_i|, s), kink-aware
 * (see `lineDerivatives`). Costs 1 + ~6 cost evaluations per parameter (more when a kink forces a retry). Above
 * `sample.above` parameters (default 5,000) it checks a seeded sample of entries instead, every layer's W and b among
 * them, named in the report's `sample` (the directional check covers the whole gradient at any size). Each step is
 * (index, size): memory is O(P).
 */
export async function finiteDifferenceFull(implementation: Implementation, request: GradientsRequest, options: FullOptions): Promise<FiniteDifferenceReport> {
  const p = await prepareCheck(implementation, request, options);
  const sample = sampleEntries(p.params, options.sample);
  const checked = sample?.indices ?? p.theta.map((_, i) => i);
  const lines = checked.map((i) => ({ index: i, size: stepSize(p.theta[i]!, options.dtype, options), dropInexact: false }));
  const results = await lineDerivatives(p.theta, p.center, lines, p.evaluator.evaluate, options);
  const verdicts = results.map((line, k) => {
    const i = checked[k]!;
    const si = line.s.indices[0] === i ? line.s.values[0]! : 0;
    return lineVerdict(p.names[i]!, p.g[i]!, p.gradientNoise[i]!, line, si, options.safety ?? FD_SAFETY, p.evaluator.reluNames);
  });
  const sampled = sample === undefined ? undefined : { entries: sample.indices.map((i) => p.names[i]!), of: p.theta.length, seed: sample.seed };
  return report(verdicts, p.evaluator.calls() + p.extraCalls, p.params, p.center.cost, sampled);
}
