/** Properties of silu(x) = x·σ(x) through the `activation` method. */
import type { Check } from "../harness/check.ts";
import { activationAnswer } from "./activationAnswer.ts";
import { unitTolerance } from "./activationTolerances.ts";
import { activationInputs } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, relationEntry, showNumber } from "./relation.ts";

const U64 = 2 ** -53;

/** The silu properties. */
export function siluProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/silu/odd-part",
      description: "silu(x) − silu(−x) = x for every finite x (x·σ(x) + x·σ(−x) = x), within twice the engine's tolerance for each value and the subtraction's rounding.",
      needs: { methods: ["activation"], activations: ["silu"] },
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "silu", [...x, ...x.map((xi) => -xi)]);
        const n = x.length;
        const entries = x.map((xi, i) => {
          const tolerance = 2 * unitTolerance("silu", xi, c.dtype).valueTolerance + 2 * unitTolerance("silu", -xi, c.dtype).valueTolerance + U64 * Math.abs(xi);
          return relationEntry(`silu(${showNumber(xi)}) − silu(${showNumber(-xi)})`, xi, value[i]! - value[n + i]!, tolerance, "σ(x) + σ(−x) = 1; 2 × the engine's tolerance on each side");
        });
        assertRelation("silu(x) − silu(−x) = x", entries, { x, value });
      },
    }),
  ];
}
