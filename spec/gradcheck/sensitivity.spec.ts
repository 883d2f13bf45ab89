import { describe, expect, it } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { compareForward, compareGradients, compareStep, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, prepareForward, prepareStep, type Comparison } from "../../src/gradcheck/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { leaves, withEntry, type Answer } from "./injectOneAtATime.ts";
import { STRESS_SHAPES } from "./stressCases.ts";

/**
 * For every entry of a correct answer, one at a time: sets it to the exact value + 2 × its tolerance (either sign,
 * alternating) and asserts the comparison fails on exactly that entry; sets it to the exact value + ½ × its
 * tolerance and asserts the comparison passes. Every entry counts, zeros included: nothing is skipped, and the
 * injection follows the entry's own tolerance, so the comparison is tested at its boundary from both sides. (That
 * the tolerances themselves are not too wide is pinned by tightness.spec.ts and the sweeps' tightness.)
 */
async function injectOneAtATime(impl: Implementation, dtype: "float64" | "float32", seed: number, cases: number) {
  const rng = createRng(seed);
  const oracle = createOracle({ memoise: false }); // every case new: nothing to memoise
  let caught = 0, kept = 0;
  for (let k = 0; k < cases; k++) {
    const network = STRESS_SHAPES[k % STRESS_SHAPES.length]!;
    const c = randomCase(rng, network, 1 + (k % 3), { inputRange: [0, 1] });
    const exact = oracleGradientsFor(c, { dtype, oracle });
    const withScales = exactGradientsWithScales(c, { dtype, oracle }, undefined, exactToNumbers(exact));
    const forward = prepareForward(c, { dtype, oracle }, exact), step = prepareStep(c, { dtype, oracle }, exact);
    const methods: [string, Answer, (a: Answer) => Comparison][] = [
      ["gradients", (await impl.gradients(c)) as unknown as Answer, (a) => compareGradients(c, a as never, { dtype, oracle }, withScales)],
      // each answer-independent part prepared once: every entry's injection is compared with the same request
      ["forward", (await impl.forward(c)) as unknown as Answer, (a) => compareForward(c, a as never, { dtype, oracle }, exact, forward)],
      ["step", (await impl.step(c)) as unknown as Answer, (a) => compareStep(c, a as never, { dtype, oracle }, exact, undefined, step)],
    ];
    for (const [method, answer, compare] of methods) {
      const baseline = compare(answer);
      expect(baseline.ok, `seed ${seed} case ${k} ${method}: the unmodified answer must pass`).toBe(true);
      const paths = leaves(answer);
      expect(paths).toHaveLength(baseline.entries.length);
      baseline.entries.forEach((entry, index) => {
        const path = paths[index]!;
        const sign = index % 2 === 0 ? 1 : -1;
        const outside = compare(withEntry(answer, path, () => entry.expected + sign * 2 * entry.tolerance));
        expect(outside.failures.map((f) => f.entry), `seed ${seed} case ${k} ${method}: ${entry.entry} at exact ${sign > 0 ? "+" : "−"} 2 × tolerance`).toEqual([entry.entry]);
        caught++;
        const inside = compare(withEntry(answer, path, () => entry.expected + sign * 0.5 * entry.tolerance));
        expect(inside.ok, `seed ${seed} case ${k} ${method}: ${entry.entry} at exact ${sign > 0 ? "+" : "−"} ½ × tolerance must pass`).toBe(true);
        kept++;
      });
    }
  }
  return { caught, kept };
}

describe("oracle comparison catches one entry just outside its tolerance, and keeps one just inside", () => {
  it("float64: every entry of gradients, forward and step, zeros included (seed 31)", async () => {
    const { caught, kept } = await injectOneAtATime(reference, "float64", 31, 40);
    console.log({ caught, kept });
    expect(caught).toBeGreaterThan(1500);
    expect(kept).toBe(caught);
  });
  it("float32 (simulated): every entry, zeros included (seed 32)", async () => {
    const { caught, kept } = await injectOneAtATime(textbookImplementation({ arithmetic: "float32" }), "float32", 32, 40);
    console.log({ caught, kept });
    expect(caught).toBeGreaterThan(1500);
    expect(kept).toBe(caught);
  });
});
