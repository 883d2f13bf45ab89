import { describe, expect, it } from "vitest";
import { auditDomain, DOMAIN_LIMIT } from "../../src/activationAudit/index.ts";

describe("auditDomain", () => {
  it.each(["float64", "float32"] as const)("is sorted, unique, within ±1e3, with −0 just before +0 (%s)", (dtype) => {
    const d = auditDomain(dtype);
    const zero = d.findIndex((x) => x === 0);
    expect(Object.is(d[zero], -0) && Object.is(d[zero + 1], 0)).toBe(true);
    for (let k = 1; k < d.length; k++) expect(d[k - 1]! < d[k]! || (Object.is(d[k - 1], -0) && Object.is(d[k], 0))).toBe(true);
    expect(Math.max(...d.map(Math.abs))).toBe(DOMAIN_LIMIT);
  });

  it("holds float64's subnormals, the ReLU kink and the overflow edges of exp", () => {
    const d = auditDomain("float64");
    for (const x of [5e-324, -5e-324, 1e-310, 2.2e-308, 1e-300, -1e-300, 1e-16, -1e-8, 709.78, -709.78, 745, -745, 88.7, -103]) expect(d).toContain(x);
    expect(d.filter((x) => Math.abs(x) <= 40 && Number.isInteger(x * 8)).length).toBeGreaterThanOrEqual(641);
  });

  it("holds only float32 values for float32, its subnormals included", () => {
    const d = auditDomain("float32");
    expect(d.every((x) => Math.fround(x) === x)).toBe(true);
    for (const x of [Math.fround(1e-45), Math.fround(1.1754942e-38), Math.fround(88.72283935546875), Math.fround(-103.97207708)]) expect(d).toContain(x);
  });
});
