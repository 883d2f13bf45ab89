/**
 * Properties of the logistic σ(x) = 1/(1 + e^−x) through the `activation` method. Every bound is relative to the
 * declared dtype's unit roundoff u, with the engine's constants: an exp-based value or slope may carry
 * T = TRANSCENDENTAL_ROUNDINGS roundings (relative), and SAFETY multiplies first-order bounds.
 */
import { DTYPES, SAFETY, type Dtype } from "../gradcheck/index.ts";
import { TRANSCENDENTAL_ROUNDINGS as T } from "../gradcheck/tolerance.ts";
import type { Check, CheckNeeds } from "../harness/check.ts";
import { activationAnswer } from "./activationAnswer.ts";
import { activationInputs } from "./arbitraries/index.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, rangeEntry, relationEntry, showNumber } from "./relation.ts";

const needs: CheckNeeds = { methods: ["activation"], activations: ["logistic"] };

/** σ(−|x|) = e^−|x| / (1 + e^−|x|), accurate in float64: the distance of σ(x) from the bound it approaches. */
const tail = (x: number): number => {
  const e = Math.exp(-Math.abs(x));
  return e / (1 + e);
};

/** Where σ(x) must be strictly inside (0, 1) in `dtype`: σ(x) ≥ 2·absFloor and 1 − σ(x) ≥ 8u (well above rounding to 0 or 1). */
export function strictlyInside(x: number, dtype: Dtype): { readonly above0: boolean; readonly below1: boolean } {
  const { u, absFloor } = DTYPES[dtype];
  return { above0: x >= 0 || tail(x) >= 2 * absFloor, below1: x <= 0 || tail(x) >= 8 * u };
}

/** The logistic properties. */
export function logisticProperties(): Check[] {
  return [
    propertyCheck({
      id: "property/logistic/bounded",
      description: "0 ≤ σ(x) ≤ 1 for every finite x, and 0 < σ(x) < 1 wherever the declared dtype can hold it (σ(x) ≥ 2·absFloor and 1 − σ(x) ≥ 8u).",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "logistic", x);
        const entries = x.map((xi, i) => {
          const { above0, below1 } = strictlyInside(xi, c.dtype);
          const why = `${above0 ? "strictly above 0" : "≥ 0 (σ underflows here)"}, ${below1 ? "strictly below 1" : "≤ 1 (σ rounds to 1 here)"}`;
          return rangeEntry(`σ(${showNumber(xi)})`, value[i]!, above0 ? Number.MIN_VALUE : 0, below1 ? 1 - 2 ** -53 : 1, why);
        });
        assertRelation("0 ≤ σ(x) ≤ 1, strictly where representable", entries, { x, value });
      },
    }),
    propertyCheck({
      id: "property/logistic/monotone",
      description: "σ is non-decreasing: x ≤ x′ implies σ(x) ≤ σ(x′)·(1 + SAFETY·T·u) (+ absFloor), for finite x, x′.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype, { minLength: 2 }).map((x) => [...x].sort((a, b) => a - b)),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "logistic", x);
        const { u, absFloor } = DTYPES[c.dtype];
        const entries = x.slice(1).map((next, i) => {
          const upper = value[i + 1]! + SAFETY * T * u * Math.abs(value[i + 1]!) + absFloor;
          return rangeEntry(`σ(${showNumber(x[i]!)}) ≤ σ(${showNumber(next)})`, value[i]!, Number.NEGATIVE_INFINITY, upper, `σ(${showNumber(next)}) = ${value[i + 1]} plus rounding`);
        });
        assertRelation("σ is non-decreasing", entries, { x, value });
      },
    }),
    propertyCheck({
      id: "property/logistic/symmetry",
      description: "σ(0) = σ(−0) = ½ and σ(−x) = 1 − σ(x) within SAFETY·(T + 1)·u (+ 2·absFloor) for every finite x.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value } = await activationAnswer(c, "logistic", [0, -0, ...x, ...x.map((xi) => -xi)]);
        const { u, absFloor } = DTYPES[c.dtype];
        const n = x.length;
        const center = [0, -0].map((z, i) => relationEntry(`σ(${showNumber(z)})`, 0.5, value[i]!, SAFETY * T * u * 0.5, "σ(0) = 1/(1 + e^0) = ½"));
        const bound = SAFETY * (T + 1) * u + 2 * absFloor;
        const pairs = x.map((xi, i) => relationEntry(`σ(${showNumber(xi)}) + σ(${showNumber(-xi)})`, 1, value[2 + i]! + value[2 + n + i]!, bound, `each σ carries ${T} roundings, the sum one more`));
        assertRelation("σ(0) = ½ and σ(x) + σ(−x) = 1", [...center, ...pairs], { x, value });
      },
    }),
    propertyCheck({
      id: "property/logistic/derivative-identity",
      description: "σ′(x) = σ(x)(1 − σ(x)) within SAFETY·(T·u·(2σ(1 − σ) + σ²) + 2u₆₄·σ(1 − σ)) (+ absFloor), from the implementation's own σ, for every finite x.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { value, derivative } = await activationAnswer(c, "logistic", x);
        const { u, absFloor } = DTYPES[c.dtype];
        const entries = x.map((xi, i) => {
          const s = value[i]!;
          const p = s * (1 - s); // 1 − s cancels for s near 1: its error is s·T·u absolutely, hence the σ² term
          const bound = SAFETY * (T * u * (2 * Math.abs(p) + s * s) + 2 * 2 ** -53 * Math.abs(p)) + absFloor;
          return relationEntry(`σ′(${showNumber(xi)})`, p, derivative[i]!, bound, `σ(x) = ${s}`);
        });
        assertRelation("σ′ = σ(1 − σ)", entries, { x, value, derivative });
      },
    }),
    propertyCheck({
      id: "property/logistic/derivative-range",
      description: "σ′(x) is finite and 0 ≤ σ′(x) ≤ ¼·(1 + SAFETY·T·u) for every finite x, |x| ≥ 710 included.",
      needs,
      casesPerRun: 2,
      arbitrary: (c) => activationInputs(c.dtype),
      predicate: async (x, c) => {
        const { derivative } = await activationAnswer(c, "logistic", x);
        const top = 0.25 * (1 + SAFETY * T * DTYPES[c.dtype].u);
        assertRelation("0 ≤ σ′ ≤ ¼", x.map((xi, i) => rangeEntry(`σ′(${showNumber(xi)})`, derivative[i]!, 0, top, "σ′ = e/(1 + e)² with e = e^−|x| ≤ 1")), { x, derivative });
      },
    }),
  ];
}
