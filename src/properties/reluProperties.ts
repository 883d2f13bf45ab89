/** Properties of ReLU through the `activation` method: its value, and its derivative with the pinned ReLU′(0) = 0. */
import { DTYPES } from "../gradcheck/index.ts";
import type { Check, CheckNeeds } from "../harness/check.ts";
import { activationAnswer } from "./activationAnswer.ts";
import { activationInputs, dtypeLimits } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, rangeEntry, relationEntry, showNumber } from "./relation.ts";

const needs: CheckNeeds = { methods: ["activation"], activations: ["relu"] };

/**
 * The ReLU properties. Value relations are exact up to the dtype's underflow floor (the engine's `absFloor`), which
 * only matters to implementations that flush subnormals to zero; inputs are drawn in the declared dtype.
 */
export function reluProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/relu/idempotent",
      description: "relu(relu(x)) = relu(x) for every finite x.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const once = await activationAnswer(c, "relu", x);
        const twice = await activationAnswer(c, "relu", once.value);
        const floor = DTYPES[c.dtype].absFloor;
        assertRelation("relu(relu(x)) = relu(x)", x.map((xi, i) => relationEntry(`relu(relu(${showNumber(xi)}))`, once.value[i]!, twice.value[i]!, floor, "ReLU of a ReLU output changes nothing")), { x, once: once.value, twice: twice.value });
      },
    }),
    propertyCheck({
      id: "property/relu/nonnegative",
      description: "relu(x) ≥ 0 (and is a number) for every finite x.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "relu", x);
        assertRelation("relu(x) ≥ 0", x.map((xi, i) => rangeEntry(`relu(${showNumber(xi)})`, value[i]!, 0, Number.POSITIVE_INFINITY, "relu(x) = max(x, 0)")), { x, value });
      },
    }),
    propertyCheck({
      id: "property/relu/identity-on-nonnegative",
      description: "relu(x) = x for every finite x ≥ 0.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => x.map(Math.abs)),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "relu", x);
        const floor = DTYPES[c.dtype].absFloor;
        assertRelation("relu(x) = x for x ≥ 0", x.map((xi, i) => relationEntry(`relu(${showNumber(xi)})`, xi, value[i]!, floor, "x is representable in the dtype, so relu returns it unchanged")), { x, value });
      },
    }),
    propertyCheck({
      id: "property/relu/odd-part",
      description: "relu(x) − relu(−x) = x for every finite x.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "relu", [...x, ...x.map((xi) => -xi)]);
        const floor = DTYPES[c.dtype].absFloor;
        const entries = x.map((xi, i) => relationEntry(`relu(${showNumber(xi)}) − relu(${showNumber(-xi)})`, xi, value[i]! - value[x.length + i]!, 2 * floor, "one side is 0, the other |x|"));
        assertRelation("relu(x) − relu(−x) = x", entries, { x, value });
      },
    }),
    propertyCheck({
      id: "property/relu/derivative",
      description: "relu′(x) is 1 for x > 0 and 0 for x ≤ 0, so relu′(0) = relu′(−0) = 0 (the pinned convention).",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype).map((x) => [0, -0, ...x]), // the pinned kink in every case
      predicate: async (x, c) => {
        const { derivative } = await activationAnswer(c, "relu", x);
        const { minNormal } = dtypeLimits(c.dtype);
        const entries = x.map((xi, i) => {
          const d = derivative[i]!;
          const name = `relu′(${showNumber(xi)})`;
          // a positive subnormal may be flushed to 0 by the implementation's arithmetic: either answer is right there
          if (xi > 0 && xi < minNormal && (d === 0 || d === 1)) return relationEntry(name, d, d, 0, "subnormal x: 0 (flushed) or 1");
          return relationEntry(name, xi > 0 ? 1 : 0, d, 0, xi > 0 ? "x > 0" : "x ≤ 0: ReLU′(0) = 0 by convention");
        });
        assertRelation("relu′(x) = [x > 0]", entries, { x, derivative });
      },
    }),
  ];
}
