import { describe, expect, it } from "vitest";
import { finiteDifferenceFull, flattenParams, sampleEntries, unflattenParams } from "../../src/finiteDifference/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import { reference } from "../../src/reference/index.ts";
import { requests, SEED } from "./support/cases.ts";

// 3-4-3-1 (relu, tanh, logistic): 12 + 4, 12 + 3, 3 + 1 = 35 parameters in six blocks; the threshold lowered to 10.
const [, , request] = requests(3, SEED, { paramRange: [-1.5, 1.5] });
const sample = { above: 10, size: 12 };

/** The reference with one flat gradient entry scaled by (1 + epsilon): a wrong entry in an otherwise right gradient. */
function offByOne(index: number, epsilon: number): Implementation {
  return {
    ...reference,
    gradients: async (r) => {
      const right = await reference.gradients(r);
      const g = flattenParams(right.grads).theta;
      g[index] = g[index]! * (1 + epsilon);
      return { ...right, grads: unflattenParams(g, right.grads) };
    },
  };
}

describe(`fd/full's seeded sample of entries above a parameter count (seed ${SEED})`, () => {
  it("is deterministic per seed, differs between seeds, and is absent within the threshold", () => {
    const a = sampleEntries(request!.params, { ...sample, seed: 7 })!;
    expect(sampleEntries(request!.params, { ...sample, seed: 7 })).toEqual(a);
    expect(sampleEntries(request!.params, { ...sample, seed: 8 })!.indices).not.toEqual(a.indices);
    expect(a.indices).toHaveLength(12);
    expect(new Set(a.indices).size).toBe(12);
    expect(sampleEntries(request!.params, { above: 35 })).toBeUndefined();
  });

  it("represents every layer's W and b, for many seeds", () => {
    const { names } = flattenParams(request!.params);
    for (let seed = 0; seed < 50; seed++) {
      const blocks = new Set(sampleEntries(request!.params, { ...sample, size: 6, seed })!.indices.map((i) => names[i]!.replace(/\[.*/, "")));
      expect([...blocks].sort(), `seed ${seed}`).toEqual(["W1", "W2", "W3", "b1", "b2", "b3"]);
    }
  });

  it("checks exactly the sampled entries, names them in the report, and catches a wrong one among them", async () => {
    const { names } = flattenParams(request!.params);
    const right = await finiteDifferenceFull(reference, request!, { dtype: "float64", sample: { ...sample, seed: 3 } });
    const chosen = sampleEntries(request!.params, { ...sample, seed: 3 })!.indices;
    expect(right.ok).toBe(true);
    expect(right.verdicts.map((v) => v.entry)).toEqual(chosen.map((i) => names[i]!));
    expect(right.sample).toEqual({ entries: chosen.map((i) => names[i]!), of: 35, seed: 3 });
    const wrong = chosen.find((i) => names[i]!.startsWith("b2"))!;
    const report = await finiteDifferenceFull(offByOne(wrong, 1e-4), request!, { dtype: "float64", sample: { ...sample, seed: 3 } });
    expect(report.mismatches.map((v) => v.entry)).toEqual([names[wrong]]);
  });
});
