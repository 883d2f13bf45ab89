import { describe, expect, it } from "vitest";
import { DTYPES, entryResult, explainTolerance, SAFETY } from "../../src/gradcheck/index.ts";

/** The numbers of an explanation `4 × u × E = 4 × 2^-53 × 3.32 = 1.47e-15, …`. */
function numbersOf(why: string): { safety: number; u: number; scale: number; product: number } {
  const m = /^(\d+) × u × E = (\d+) × 2\^-(\d+) × ([\d.e+-]+) = ([\d.e+-]+), plus half an ulp of the exact value \(/.exec(why);
  expect(m, why).not.toBeNull();
  expect(Number(m![1])).toBe(Number(m![2]));
  return { safety: Number(m![2]), u: 2 ** -Number(m![3]), scale: Number(m![4]), product: Number(m![5]) };
}

describe("explainTolerance", () => {
  it.each([["float64", 3.3247, 0.0256], ["float32", 118.5, -7.25]] as const)("states an equation that holds, for %s", (dtype, scale, expected) => {
    const entry = entryResult("b1[1]", expected, expected, dtype, scale, "local 0.0513 for the 1-sample sum");
    const { safety, u, scale: E, product } = numbersOf(entry.why);
    expect(safety).toBe(SAFETY);
    expect(u).toBe(DTYPES[dtype].u);
    expect(Math.abs(E - scale) / scale).toBeLessThan(5e-3); // printed to 3 digits
    expect(Math.abs(product - safety * u * E) / product).toBeLessThan(5e-3); // the product of the numbers shown
    const halfUlp = Math.abs(expected) * 2 ** -53;
    expect(Math.abs(product + halfUlp + DTYPES[dtype].absFloor - entry.tolerance) / entry.tolerance).toBeLessThan(5e-3); // and the tolerance used
  });

  it("names the detail it was given", () => {
    expect(explainTolerance("float64", 1, "a product and a sum")).toMatch(/E: the entry's rounding scale, a product and a sum\)$/);
  });
});
