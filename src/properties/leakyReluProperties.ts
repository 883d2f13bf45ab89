/** Properties of leaky ReLU through the `activation` method: slope 0.01 below 0, and the pinned leaky_relu′(0) = 0.01. */
import { LEAKY_SLOPE } from "../family/activations.ts";
import type { Check, CheckNeeds } from "../harness/check.ts";
import { activationAnswer } from "./activationAnswer.ts";
import { unitTolerance } from "./activationTolerances.ts";
import { activationInputs, dtypeLimits } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, relationEntry, showNumber } from "./relation.ts";

const needs: CheckNeeds = { methods: ["activation"], activations: ["leaky_relu"] };

/** The leaky ReLU properties (inputs drawn in the declared dtype, ±0 in every case). */
export function leakyReluProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/leaky_relu/value",
      description: `leaky_relu(x) = x for every finite x > 0 and ${LEAKY_SLOPE}·x for x ≤ 0, within the engine's tolerance (exact above 0, the roundings of ${LEAKY_SLOPE} and of the product below).`,
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => [0, -0, ...x]),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "leaky_relu", x);
        const entries = x.map((xi, i) => {
          const { value: expected, valueTolerance } = unitTolerance("leaky_relu", xi, c.dtype);
          return relationEntry(`leaky_relu(${showNumber(xi)})`, expected, value[i]!, valueTolerance, xi > 0 ? "x > 0: x itself" : `x ≤ 0: ${LEAKY_SLOPE}·x`);
        });
        assertRelation(`leaky_relu(x) = x above 0, ${LEAKY_SLOPE}·x below`, entries, { x, value });
      },
    }),
    propertyCheck({
      id: "property/leaky_relu/derivative",
      description: `leaky_relu′(x) is 1 for x > 0 and ${LEAKY_SLOPE} for x ≤ 0, so leaky_relu′(0) = leaky_relu′(−0) = ${LEAKY_SLOPE} (the pinned left derivative, as PyTorch), within the dtype's rounding of ${LEAKY_SLOPE}.`,
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => [0, -0, ...x]),
      predicate: async (x, c) => {
        const { derivative } = await activationAnswer(c, "leaky_relu", x);
        const { minNormal } = dtypeLimits(c.dtype);
        const atKink = unitTolerance("leaky_relu", 0, c.dtype);
        const entries = x.map((xi, i) => {
          const d = derivative[i]!;
          const name = `leaky_relu′(${showNumber(xi)})`;
          const { derivative: expected, derivativeTolerance } = unitTolerance("leaky_relu", xi, c.dtype);
          // a positive subnormal may be flushed to 0 by the implementation's arithmetic: either branch is right there
          if (xi > 0 && xi < minNormal && Math.abs(d - atKink.derivative) <= atKink.derivativeTolerance) return relationEntry(name, d, d, 0, `subnormal x: ${LEAKY_SLOPE} (flushed) or 1`);
          return relationEntry(name, expected, d, derivativeTolerance, xi > 0 ? "x > 0" : `x ≤ 0: leaky_relu′(0) = ${LEAKY_SLOPE} by convention`);
        });
        assertRelation(`leaky_relu′(x) = 1 above 0, ${LEAKY_SLOPE} at and below 0`, entries, { x, derivative });
      },
    }),
  ];
}
