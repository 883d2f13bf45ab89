import { describe, expect, it } from "vitest";
import { ulpAt, ulpError } from "../../src/activationAudit/index.ts";
import { createOracle } from "../../src/oracle/index.ts";

const oracle = createOracle();
const D = oracle.D;
const ulp = (v: string | number, dtype: "float64" | "float32" = "float64") => ulpAt(oracle, oracle.decimal(v), dtype).toNumber();

describe("ulpAt", () => {
  it("is the spacing of the binade holding the exact value", () => {
    expect(ulp(1)).toBe(2 ** -52);
    expect(ulp(1.5)).toBe(2 ** -52);
    expect(ulp(-3)).toBe(2 ** -51);
    expect(ulp(1, "float32")).toBe(2 ** -23);
    expect(ulp(1000, "float32")).toBe(2 ** -14);
  });

  it("uses the exact value, not its rounding: just below a power of two is the lower binade", () => {
    expect(ulp("0.99999999999999999999999")).toBe(2 ** -53); // rounds to 1 in float64, but lies below it
    expect(ulp("1.00000000000000000000001")).toBe(2 ** -52);
  });

  it("is the subnormal spacing at 0 and below the smallest normal", () => {
    expect(ulp(0)).toBe(2 ** -1074);
    expect(ulp(1e-310)).toBe(2 ** -1074);
    expect(ulp(2.2250738585072014e-308)).toBe(2 ** -1074); // the smallest normal has the same spacing
    expect(ulp("1e-400")).toBe(2 ** -1074); // below every float64
    expect(ulp(0, "float32")).toBe(2 ** -149);
    expect(ulp(1e-40, "float32")).toBe(2 ** -149);
  });
});

describe("ulpError", () => {
  it("measures |actual − exact| in ulps at the exact value, Infinity when not finite", () => {
    expect(ulpError(oracle, 1, new D(1), "float64")).toBe(0);
    expect(ulpError(oracle, 1 + 2 ** -52, new D(1), "float64")).toBe(1);
    expect(ulpError(oracle, 1, new D("1.00000000000000000001"), "float64")).toBeCloseTo(1e-20 / 2 ** -52, 6);
    expect(ulpError(oracle, 0, oracle.decimal(5e-324), "float64")).toBe(1);
    expect(ulpError(oracle, Number.NaN, new D(0), "float64")).toBe(Number.POSITIVE_INFINITY);
    expect(ulpError(oracle, 1, new D(0), "float64")).toBe(2 ** 1074);
  });
});
