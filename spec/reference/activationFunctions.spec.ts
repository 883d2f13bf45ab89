import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "../../src/network/types.ts";
import { activate, activationDerivative, activationFunctions } from "../../src/reference/index.ts";
import type { ElementwiseName } from "../../src/reference/activationFunctions.ts";

/**
 * Pinned edge values, exact to 20 digits, from Python's decimal at 60 digits:
 *   from decimal import Decimal as D, getcontext; getcontext().prec = 60
 *   s = lambda z: 1 / (1 + (-D(z)).exp()); ds = lambda z: (-D(z)).exp() / (1 + (-D(z)).exp()) ** 2; dt = lambda z: 4 / (D(z).exp() + (-D(z)).exp()) ** 2
 *   print(s(-740), s(-700), s(-30), s(30), ds(700), ds(-740), dt(30))
 */
const EXACT = {
  sigmoidMinus740: 4.1887398800480489395e-322, // subnormal: float64 holds it only to ~1e−323 absolute
  sigmoidMinus700: 9.8596765437597708567e-305,
  sigmoidMinus30: 9.3576229688392989538e-14,
  sigmoid30: 0.99999999999990642377,
  sigmoidSlope700: 9.8596765437597708567e-305,
  sigmoidSlopeMinus740: 4.1887398800480489395e-322,
  tanhSlope30: 3.5026043050786081354e-26, // = 4e^−60 to 26 digits; 1 − tanh²(30) would give 0
};

/** Accuracy demanded: 4 units in the last place (relative 2^−50), or 4 subnormal steps (4·2^−1074) below the normal range. */
const ULPS = 4;
const REL = ULPS * 2 ** -52;
const ABS = ULPS * 2 ** -1074;

function expectAccurate(actual: number, exact: number, label: string): void {
  const tolerance = Math.max(REL * Math.abs(exact), ABS);
  expect(Math.abs(actual - exact) <= tolerance, `${label}: expected ${exact}, got ${actual} (tolerance ${tolerance})`).toBe(true);
}

describe("activation values and derivatives at the edges", () => {
  it("relu: relu(−0) = +0, relu′(0) = relu′(−0) = 0, relu′ = 1 just above 0", () => {
    expect(Object.is(activate("relu", -0), 0)).toBe(true);
    expect([activate("relu", -3), activate("relu", 2.5)]).toEqual([0, 2.5]);
    expect([activationDerivative("relu", 0), activationDerivative("relu", -0), activationDerivative("relu", -1)]).toEqual([0, 0, 0]);
    expect([activationDerivative("relu", 5e-324), activationDerivative("relu", 7)]).toEqual([1, 1]);
  });

  it("logistic: σ(0) = σ(−0) = 0.5, σ′(0) = 0.25, and σ(±800), σ′(±800) finite: 1, 0 (e^−800 underflows to 0)", () => {
    expect([activate("logistic", 0), activate("logistic", -0), activationDerivative("logistic", 0)]).toEqual([0.5, 0.5, 0.25]);
    expect([activate("logistic", 800), activate("logistic", -800)]).toEqual([1, 0]);
    expect([activationDerivative("logistic", 800), activationDerivative("logistic", -800)]).toEqual([0, 0]);
    expect([activate("logistic", 1e308), activate("logistic", -1e308), activationDerivative("logistic", -1e308)]).toEqual([1, 0, 0]);
  });

  it("logistic: accurate where representable, including |z| ≥ 710 and the subnormal range", () => {
    expectAccurate(activate("logistic", -740), EXACT.sigmoidMinus740, "σ(−740)");
    expect(activate("logistic", -740)).toBeGreaterThan(0);
    expectAccurate(activate("logistic", -700), EXACT.sigmoidMinus700, "σ(−700)");
    expectAccurate(activate("logistic", -30), EXACT.sigmoidMinus30, "σ(−30)");
    expectAccurate(activate("logistic", 30), EXACT.sigmoid30, "σ(30)");
    expectAccurate(activationDerivative("logistic", 700), EXACT.sigmoidSlope700, "σ′(700)");
    expectAccurate(activationDerivative("logistic", -700), EXACT.sigmoidSlope700, "σ′(−700)");
    expectAccurate(activationDerivative("logistic", 740), EXACT.sigmoidSlopeMinus740, "σ′(740)");
    expectAccurate(activationDerivative("logistic", -740), EXACT.sigmoidSlopeMinus740, "σ′(−740)");
  });

  it("tanh: tanh′(±30) ≈ 4e^−60 accurately, tanh′(0) = 1, tanh(±800) = ±1 with tanh′ = 0", () => {
    expectAccurate(activationDerivative("tanh", 30), EXACT.tanhSlope30, "tanh′(30)");
    expectAccurate(activationDerivative("tanh", -30), EXACT.tanhSlope30, "tanh′(−30)");
    expect([activationDerivative("tanh", 0), activate("tanh", 800), activate("tanh", -800), activationDerivative("tanh", 800)]).toEqual([1, 1, -1, 0]);
  });

  it("identity: f(z) = z, f′(z) = 1", () => {
    expect([activate("identity", -2.5), activationDerivative("identity", -2.5), activationDerivative("identity", 1e300)]).toEqual([-2.5, 1, 1]);
  });

  it("the table and the two functions agree for every activation", () => {
    for (const name of ACTIVATIONS.filter((f): f is ElementwiseName => f !== "softmax")) {
      expect(activate(name, 0.75)).toBe(activationFunctions[name].value(0.75));
      expect(activationDerivative(name, 0.75)).toBe(activationFunctions[name].derivative(0.75));
    }
  });
});

describe("activations against decimal.js at 40 digits on a grid of z = k/8 in [−750, 750]", () => {
  // k/8 has a short exact decimal form, so Decimal(z) is exactly the float64 z
  const D = Decimal.clone({ precision: 40, minE: -9e15, maxE: 9e15 });
  const grid = Array.from({ length: 2 * 6000 / 47 + 1 }, (_, i) => (-6000 + 47 * i) / 8).concat([0, 0.125, -0.125, 1 / 1024, -1 / 1024]);
  const exact = {
    logistic: (z: Decimal) => D.div(1, D.exp(z.neg()).plus(1)),
    logisticSlope: (z: Decimal) => {
      const e = D.exp(z.neg());
      return e.div(e.plus(1).pow(2));
    },
    tanh: (z: Decimal) => {
      const e2 = D.exp(z.times(2));
      return e2.minus(1).div(e2.plus(1));
    },
    tanhSlope: (z: Decimal) => {
      const e = D.exp(z);
      return D.div(4, e.plus(D.div(1, e)).pow(2));
    },
  };
  const cases = [
    ["σ", (z: number) => activate("logistic", z), exact.logistic],
    ["σ′", (z: number) => activationDerivative("logistic", z), exact.logisticSlope],
    ["tanh", (z: number) => activate("tanh", z), exact.tanh],
    ["tanh′", (z: number) => activationDerivative("tanh", z), exact.tanhSlope],
  ] as const;
  for (const [name, f, reference] of cases) {
    it(`${name} is within ${ULPS} ulp (or ${ULPS} subnormal steps) at ${grid.length} points`, () => {
      for (const z of grid) expectAccurate(f(z), reference(new D(z)).toNumber(), `${name}(${z})`);
    });
  }
});
