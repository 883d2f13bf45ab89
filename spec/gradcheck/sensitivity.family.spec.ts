import { describe, expect, it } from "vitest";
import { REDUCTIONS, type NetworkSpec } from "../../src/network/types.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { injectOneAtATime } from "./injectOneAtATime.ts";
import { FAMILY_STRESS_SHAPES, STRESS_SHAPES } from "./stressCases.ts";

/** Each cost's shapes under every reduction, in turn. */
const withEveryReduction = (shapes: readonly NetworkSpec[]): NetworkSpec[] =>
  REDUCTIONS.flatMap((reduction) => shapes.map((n) => (reduction === "mean" ? n : { ...n, reduction })));

/** The seed's shapes (the mean squared error) and each new cost's under every reduction. */
const COSTS: readonly [string, readonly NetworkSpec[]][] = [["squared_error", STRESS_SHAPES], ...Object.entries(FAMILY_STRESS_SHAPES).map(([cost, shapes]) => [cost, withEveryReduction(shapes)] as [string, NetworkSpec[]])];

describe.each(COSTS)("oracle comparison catches one entry off by a small relative error: %s", (cost, all) => {
  it(`float64: every entry of gradients, forward and step off by a relative 1e-7 is caught`, async () => {
    const { caught, unclaimable } = await injectOneAtATime(reference, "float64", 1e-7, 51, 36, all);
    console.log(cost, "float64", { caught, unclaimable });
    expect(caught).toBeGreaterThan(1000);
    expect(unclaimable, "entries below their own rounding noise at 1e-7").toBeLessThan(caught * 0.005);
  });
  it(`float32 (simulated): every entry off by a relative 1e-3 is caught`, async () => {
    const { caught, unclaimable } = await injectOneAtATime(textbookImplementation({ arithmetic: "float32" }), "float32", 1e-3, 52, 36, all);
    console.log(cost, "float32", { caught, unclaimable });
    expect(caught).toBeGreaterThan(1000);
    // softmax and the cross-entropies sum more terms per entry: a few more small entries sit below float32's noise
    expect(unclaimable, "entries below their own rounding noise at 1e-3").toBeLessThan(caught * 0.03);
  });
});
