import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isExactSum, minimumStepRatio, roundToDtype, snapDisplacement, stepSize, ulpOf } from "../../src/finiteDifference/index.ts";

const SEED = Number(process.env["NNCHECK_SEED"] ?? 20240611);

describe(`steps (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it("scale with the parameter and the dtype: h = 2·u^(1/3)·max(|θ|, s)", () => {
    expect(stepSize(0, "float64") / (2 * 2 ** (-53 / 3))).toBeCloseTo(1, 12);
    expect(stepSize(-8, "float64") / (16 * 2 ** (-53 / 3))).toBeCloseTo(1, 12);
    expect(stepSize(0.5, "float32") / stepSize(0.5, "float64")).toBeCloseTo(2 ** (29 / 3), 6); // float32 steps ~800× larger
    expect(stepSize(1e-3, "float64", { scale: 1e-2 }) / (2e-2 * 2 ** (-53 / 3))).toBeCloseTo(1, 12);
    expect(minimumStepRatio("float32")).toBeCloseTo(2 ** -4, 12);
    expect(() => stepSize(Number.NaN, "float64")).toThrow(/expected finite θ/);
  });

  it("ulpOf gives the spacing at x, also just below a power of two", () => {
    expect(ulpOf(1, "float64")).toBe(2 ** -52);
    expect(ulpOf(1 - 2 ** -53, "float64")).toBe(2 ** -53);
    expect(ulpOf(1, "float32")).toBe(2 ** -23);
    expect(ulpOf(0, "float32")).toBe(2 ** -149);
  });

  for (const dtype of ["float64", "float32"] as const) {
    it(`snapped steps make every stencil point θ ± h/2^k an exact ${dtype} value (property)`, () => {
      const theta = fc.double({ min: -100, max: 100, noNaN: true }).map((x) => roundToDtype(x, dtype));
      fc.assert(
        fc.property(theta, fc.double({ min: 1e-6, max: 1, noNaN: true }), (t, c) => {
          const h = stepSize(t, dtype) * c * 100;
          const { s, exact } = snapDisplacement([t], [h], 3, dtype, false);
          if (!exact) return Math.abs(t) < h; // no exact step exists only for |h| ≫ |θ| ≠ 0
          const si = s[0]!;
          expect(si).toBeGreaterThan(0);
          // near h; at worst shortened (≥ h/8) to keep the points inside θ's binade
          expect(si).toBeGreaterThanOrEqual(h / 8);
          expect(si).toBeLessThanOrEqual(1.5 * h + 4 * ulpOf(Math.abs(t) + 2 * h, dtype));
          for (let k = 0; k < 3; k++) {
            for (const d of [si / 2 ** k, -si / 2 ** k]) {
              expect(isExactSum(t, d, dtype)).toBe(true);
              expect(roundToDtype(t + d, dtype) - t).toBe(d); // h = (θ + h) − θ
            }
          }
          return true;
        }),
        { seed: SEED, numRuns: 500 },
      );
    });
  }

  it("keeps the stencil within θ's binade when θ's last bit is odd just below a power of two", () => {
    const t = 2 - 2 ** -20 - 2 ** -52; // odd last bit: any point in [2, 4) would be inexact
    expect(snapDisplacement([t], [1e-6], 1, "float64", false).s[0]).toBeLessThanOrEqual(2 ** -20); // not 1e-6: kept below 2
    const { s, exact } = snapDisplacement([t], [1e-6], 3, "float64", false);
    expect(exact).toBe(true);
    expect(t + s[0]!).toBeLessThan(2);
    expect(s[0]!).toBeGreaterThan(1e-6 / 8);
  });

  it("drops a direction's component that has no exact step, or flags a coordinate's", () => {
    const t = 1e-12 + 2 ** -80; // tiny with low bits: θ ± 1e-3 cannot be exact
    expect(snapDisplacement([t, 0.5], [1e-3, 1e-3], 3, "float64", true).s[0]).toBe(0);
    expect(snapDisplacement([t], [1e-3], 3, "float64", false).exact).toBe(false);
    expect(snapDisplacement([0], [1e-3], 3, "float64", false).exact).toBe(true); // 0 ± h is always exact
  });
});
