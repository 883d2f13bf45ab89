import type { GradientsRequest, Implementation } from "../implementation.ts";
import type { Rng } from "../random/rng.ts";
import { displacementNorm, lineDerivatives } from "./lineDerivatives.ts";
import { FD_SAFETY, lineVerdict } from "./lineVerdict.ts";
import { prepareCheck, report, type FiniteDifferenceOptions, type FiniteDifferenceReport } from "./prepareCheck.ts";
import { stepSize } from "./stepSize.ts";

/** The directional check's own settings: how many random directions, drawn from which generator. */
export interface DirectionalOptions extends FiniteDifferenceOptions {
  /** Default 4. */
  readonly directions?: number;
  readonly rng: Rng;
}

/**
 * Checks the gradient g along k seeded random unit directions v: the Richardson-extrapolated central difference of
 * C(θ + t·v) against g·v (entries `direction[0]`, …). The step is h = c·u^(1/3)·√P·max(rms θ, s), so each
 * coordinate moves about as in the full check; the cost is 1 + ~6k evaluations whatever the parameter count P.
 */
export async function finiteDifferenceDirectional(implementation: Implementation, request: GradientsRequest, options: DirectionalOptions): Promise<FiniteDifferenceReport> {
  const p = await prepareCheck(implementation, request, options);
  const P = p.theta.length;
  const rms = Math.sqrt(p.theta.reduce((s, t) => s + t * t, 0) / P);
  const h = Math.sqrt(P) * stepSize(rms, options.dtype, options);
  const lines = Array.from({ length: options.directions ?? 4 }, () => {
    const v = p.theta.map(() => options.rng.normal());
    const length = displacementNorm({ indices: [], values: v });
    return { s: v.map((x) => (h * x) / length), dropInexact: true };
  });
  const results = await lineDerivatives(p.theta, p.center, lines, p.evaluator.evaluate, options);
  const verdicts = results.map((line, k) => {
    const length = displacementNorm(line.s);
    let along = 0, magnitude = 0, noise = 0;
    line.s.values.forEach((si, k) => {
      const i = line.s.indices[k]!;
      along += p.g[i]! * si;
      magnitude += Math.abs(p.g[i]! * si);
      noise += Math.abs(si) * p.gradientNoise[i]!;
    });
    const analyticNoise = (noise + P * 2 ** -53 * magnitude) / length;
    return lineVerdict(`direction[${k}]`, along / length, analyticNoise, line, length, options.safety ?? FD_SAFETY, p.evaluator.reluNames);
  });
  return report(verdicts, p.evaluator.calls() + p.extraCalls, p.params, p.center.cost);
}
