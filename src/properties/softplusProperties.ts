/**
 * Properties of softplus(x) = ln(1 + e^x) through the `activation` method: it lies between max(0, x) and
 * max(0, x) + ln 2, and its derivative is the implementation's own logistic σ. Tolerances are the engine's for
 * an exactly fed unit (see `unitTolerance`).
 */
import { DTYPES } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import { activationAnswer } from "./activationAnswer.ts";
import { unitTolerance } from "./activationTolerances.ts";
import { activationInputs } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, rangeEntry, relationEntry, showNumber } from "./relation.ts";

/** The softplus properties. */
export function softplusProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/softplus/above-relu",
      description: "max(0, x) ≤ softplus(x) ≤ max(0, x) + ln 2 for every finite x (within the engine's tolerance for softplus(x), and finite: softplus(800) = 800).",
      needs: { methods: ["activation"], activations: ["softplus"] },
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => [0, -0, ...x]),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "softplus", x);
        const { max } = DTYPES[c.dtype];
        const entries = x.map((xi, i) => {
          const { valueTolerance } = unitTolerance("softplus", xi, c.dtype);
          const relu = Math.max(0, xi);
          // ln(1 + e^x) ≥ 0 exactly once 1 + e^x ≥ 1, whatever the rounding: the lower bound is 0 below 0
          const lo = xi > 0 ? relu - valueTolerance : 0;
          const hi = Math.min(relu + Math.LN2 + valueTolerance, max);
          return rangeEntry(`softplus(${showNumber(xi)})`, value[i]!, lo, hi, "ln(1 + e^x) = max(0, x) + ln(1 + e^−|x|) and 0 < ln(1 + e^−|x|) ≤ ln 2");
        });
        assertRelation("max(0, x) ≤ softplus(x) ≤ max(0, x) + ln 2", entries, { x, value });
      },
    }),
    propertyCheck({
      id: "property/softplus/derivative-logistic",
      description: "softplus′(x) = σ(x) with σ the implementation's own logistic, for every finite x, within twice the engine's tolerance for each (relative T roundings of σ, so no 1 − σ(−x) cancelling in the tail).",
      needs: { methods: ["activation"], activations: ["softplus", "logistic"] },
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => [0, ...x]),
      predicate: async (x, c) => {
        const [{ derivative }, { value: sigma }] = await Promise.all([activationAnswer(c, "softplus", x), activationAnswer(c, "logistic", x)]);
        const entries = x.map((xi, i) => {
          const tolerance = 2 * unitTolerance("softplus", xi, c.dtype).derivativeTolerance + 2 * unitTolerance("logistic", xi, c.dtype).valueTolerance;
          return relationEntry(`softplus′(${showNumber(xi)})`, sigma[i]!, derivative[i]!, tolerance, `σ(${showNumber(xi)}) = ${sigma[i]} from the logistic activation; 2 × the engine's tolerance on each side`);
        });
        assertRelation("softplus′ = σ", entries, { x, derivative, sigma });
      },
    }),
  ];
}
