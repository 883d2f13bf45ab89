import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateGradientsRequest } from "../../src/network/validate.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import {
  BINARY_NETWORK,
  CLASSIFIER_NETWORK,
  FONT_CLASSIFIER_TRAINING,
  deadUnitCaseArb,
  fontClassifierRequest,
  logitShiftArb,
  logitVectorArb,
  probabilityVectorArb,
  edgeDouble,
  edgeValues,
  gradientsRequestOf,
  kinkCaseArb,
  networkCaseArb,
  permutationOf,
  toDtype,
  uniformDouble,
} from "../../src/properties/index.ts";

const oracle = createOracle();
const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, seed = 1) => fc.sample(arb, { seed, numRuns });

describe("arbitraries", () => {
  it("uniformDouble stays in its range, uses all 53 bits, and shrinks toward the point nearest 0", () => {
    const xs = sample(uniformDouble(-2, 3), 2000);
    expect(xs.every((x) => x >= -2 && x <= 3)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(1500);
    expect(xs.some((x) => Math.abs(x) > 1 && !Number.isInteger(x * 2 ** 40))).toBe(true); // more than 40 bits after the point
    const run = fc.check(fc.property(uniformDouble(-2, 3), (x) => x < 0.5), { seed: 3 });
    expect(run.counterexample?.[0]).toBeGreaterThanOrEqual(0.5);
    expect(run.counterexample?.[0]).toBeLessThan(0.5 + 1e-6);
    expect(sample(uniformDouble(4, 5), 200).every((x) => x >= 4 && x <= 5)).toBe(true);
    expect(() => uniformDouble(1, 1)).toThrow(/expected finite lo < hi, got \[1, 1\]/);
  });

  it("edge values are representable in their dtype and include ±0, subnormals and the overflow points", () => {
    for (const dtype of ["float32", "float64"] as const) {
      const edges = edgeValues(dtype);
      expect(edges.some((x) => Object.is(x, -0))).toBe(true);
      expect(edges).toContain(710);
      expect(edges).toContain(toDtype(-745.2, dtype));
      if (dtype === "float32") expect(edges.every((x) => Math.fround(x) === x)).toBe(true);
      expect(sample(edgeDouble(dtype), 500).every((x) => Number.isFinite(x) && (dtype === "float64" || Math.fround(x) === x))).toBe(true);
    }
    expect(edgeValues("float64")).toContain(Number.MIN_VALUE);
    expect(edgeValues("float32")).toContain(2 ** -149);
  });

  it("network cases are valid gradients requests of 1–4 samples", () => {
    const cases = sample(networkCaseArb(seedNetwork), 100);
    for (const c of cases) expect(validateGradientsRequest(gradientsRequestOf(c))).toEqual([]);
    expect(new Set(cases.map((c) => c.inputs.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it("kink cases put z1[sample][unit] exactly at 0 or at the chosen offset beside it", () => {
    const offsets = new Set<number>();
    for (const c of sample(kinkCaseArb(seedNetwork), 60)) {
      const z1 = oracle.forward(c.network, c.params, c.inputs)[0]!.z;
      const lastPerUnit = new Map(c.kinks.map((k) => [k.unit, k])); // a later kink on the same unit sets its bias again
      for (const k of lastPerUnit.values()) {
        expect(z1[k.sample]![k.unit]!.eq(oracle.decimal(k.offset))).toBe(true);
        offsets.add(k.offset);
      }
    }
    expect(offsets.has(0)).toBe(true);
    expect(offsets.size).toBeGreaterThanOrEqual(3);
  });

  it("dead-unit cases keep their unit's z1 below 0 for every sample", () => {
    for (const c of sample(deadUnitCaseArb(seedNetwork), 60)) {
      const z1 = oracle.forward(c.network, c.params, c.inputs)[0]!.z;
      for (const zs of z1) expect(zs[c.deadUnit]!.lt(-(2 ** -11))).toBe(true);
    }
  });

  it("permutationOf returns a permutation that is never the identity", () => {
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), fc.integer({ min: 2, max: 4 }), (keys, n) => {
      const p = permutationOf(keys, n);
      expect([...p].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(p.some((v, i) => v !== i)).toBe(true);
    }), { seed: 1 });
  });

  it("draw cross-entropy targets as probability vectors that sum to 1 exactly, one-hot ones among them", () => {
    const targets = fc.sample(networkCaseArb(CLASSIFIER_NETWORK), { seed: 2, numRuns: 200 }).flatMap((c) => c.targets);
    for (const y of targets) {
      expect(y.every((v) => v >= 0 && v <= 1 && Math.fround(v) === v)).toBe(true);
      expect(y.reduce((s, v) => s + v, 0)).toBe(1);
    }
    const oneHot = targets.filter((y) => y.filter((v) => v === 1).length === 1);
    expect(oneHot.length / targets.length).toBeGreaterThan(0.3);
    expect(oneHot.length / targets.length).toBeLessThan(0.7);
    expect(fc.sample(probabilityVectorArb(1), { seed: 1, numRuns: 5 })).toEqual(Array(5).fill([1]));
  });

  it("draw BCE targets in [0, 1], exactly 0 or 1 about half the time", () => {
    const entries = fc.sample(networkCaseArb(BINARY_NETWORK), { seed: 3, numRuns: 200 }).flatMap((c) => c.targets.flat());
    expect(entries.every((v) => v >= 0 && v <= 1)).toBe(true);
    const ends = entries.filter((v) => v === 0 || v === 1).length / entries.length;
    expect(ends).toBeGreaterThan(0.35);
    expect(ends).toBeLessThan(0.65);
  });

  it("draw logits and shifts whose sums are exact in float32, huge logits included", () => {
    const pairs = fc.sample(fc.record({ z: logitVectorArb(), c: logitShiftArb() }), { seed: 5, numRuns: 500 });
    for (const { z, c } of pairs) {
      expect(c).not.toBe(0);
      for (const zi of z) expect(Math.fround(zi + c) - c).toBe(zi);
    }
    expect(pairs.some(({ z }) => z.some((zi) => Math.abs(zi) >= 710))).toBe(true);
    expect(pairs.some(({ c }) => Math.abs(c) >= 1000)).toBe(true);
  });

  it("train the font classifier on one-hot targets with paired windows", () => {
    const { steps, window, samples } = FONT_CLASSIFIER_TRAINING;
    const r = fontClassifierRequest(77);
    expect(r.network).toMatchObject({ layers: [3, 3, 2], activations: ["relu", "softmax"], cost: "cross_entropy" });
    expect(r.inputs).toHaveLength(samples);
    expect(r.targets.every((y) => (y[0] === 1 && y[1] === 0) || (y[0] === 0 && y[1] === 1))).toBe(true);
    expect(new Set(r.targets.map((y) => y[0])).size).toBe(2);
    expect(r.order.slice(steps - window)).toEqual(r.order.slice(0, window));
    expect(fontClassifierRequest(77)).toEqual(r);
  });
});
