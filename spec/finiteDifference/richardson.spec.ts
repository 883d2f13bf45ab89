import { describe, expect, it } from "vitest";
import { centralEstimate, oneSidedEstimate, richardson, snapDisplacement, stepSize } from "../../src/finiteDifference/index.ts";
import { createRng } from "../../src/random/rng.ts";

const SEED = Number(process.env["NNCHECK_SEED"] ?? 20240611);

/** f at x ± h/2^k (exact points), with a one-ulp noise bound: Math.exp and Math.sin are faithfully rounded. */
function central(f: (x: number) => number, x: number, h: number, levels = 3) {
  const s = snapDisplacement([x], [h], levels, "float64", false);
  expect(s.exact).toBe(true);
  const at = (t: number) => ({ tau: t, evaluation: { cost: f(x + t * s.s[0]!), noise: 2 ** -52 * Math.abs(f(x + t * s.s[0]!)) } });
  const center = at(0).evaluation;
  const levelsOf = Array.from({ length: levels }, (_, k) => ({ plus: at(2 ** -k), minus: at(-(2 ** -k)) }));
  const e = centralEstimate(center, levelsOf);
  return { value: e.value / s.s[0]!, error: e.error / s.s[0]!, truncation: e.truncation / s.s[0]!, h: s.s[0]! };
}

describe(`Richardson extrapolation (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it("removes the h² and h⁴ terms exactly: D(h) = 3 + h² − h⁴ extrapolates to 3", () => {
    const D = [0.5, 0.25, 0.125].map((h) => 3 + h * h - h ** 4);
    const e = richardson(D, { orders: [2, 4] });
    expect(e.value).toBeCloseTo(3, 14);
    expect(e.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(e.weights.map((w) => w * 45)).toEqual([1, -20, 64].map((w) => expect.closeTo(w, 10)));
  });

  it("carries each input's rounding bound through the weights", () => {
    const e = richardson([1, 1, 1], { orders: [2, 4], rounding: [1, 1, 1] });
    expect(e.rounding).toBeCloseTo(85 / 45, 12); // |1| + |−20| + |64| over 45
  });

  it("rejects too few error orders, naming what it expected", () => {
    expect(() => richardson([1, 2, 3], { orders: [2] })).toThrow(/3 estimates need 2 error orders, got 1/);
  });

  it.each([
    ["exp", Math.exp, Math.exp],
    ["sin", Math.sin, Math.cos],
    ["x ↦ 1/(1 + x²)", (x: number) => 1 / (1 + x * x), (x: number) => (-2 * x) / (1 + x * x) ** 2],
  ])("bounds the actual error of d/dx %s, for steps from 2^-2 to 2^-30", (_, f, df) => {
    const rng = createRng(SEED);
    let worst = 0;
    for (let n = 0; n < 400; n++) {
      const x = rng.uniform(-4, 4);
      const h = 2 ** -(2 + rng.int(29));
      const e = central(f, x, h);
      const actual = Math.abs(e.value - df(x));
      worst = Math.max(worst, actual / (e.error + 2 ** -52 * Math.abs(df(x))));
      expect(actual, `x = ${x}, h = ${h}`).toBeLessThanOrEqual(e.error + 2 ** -52 * Math.abs(df(x)));
    }
    expect(worst).toBeGreaterThan(1e-6); // the bound is not vacuous
  });

  it("is sharp at the chosen step: d/dx exp within ~1e-9 relative, its estimate too", () => {
    const e = central(Math.exp, 0.7, stepSize(0.7, "float64"));
    expect(Math.abs(e.value - Math.exp(0.7)) / Math.exp(0.7)).toBeLessThan(1e-10);
    expect(e.error / Math.exp(0.7)).toBeLessThan(1e-8);
  });

  it("gives one-sided derivatives of |x| at 0: −1 on the left, +1 on the right", () => {
    const at = (t: number) => ({ tau: t, evaluation: { cost: Math.abs(t * 0.01), noise: 0 } });
    const right = oneSidedEstimate(at(0).evaluation, [1, 0.5, 0.25].map(at));
    const left = oneSidedEstimate(at(0).evaluation, [-1, -0.5, -0.25].map(at));
    expect(right.value / 0.01).toBeCloseTo(1, 12);
    expect(left.value / 0.01).toBeCloseTo(-1, 12);
  });
});
