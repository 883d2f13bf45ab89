/** Shared by the two halves of the fixture audit (split so vitest runs them on both cores). */
import { expect } from "vitest";
import { auditOracleDerivatives } from "../../../src/finiteDifference/index.ts";
import { loadFixture } from "../../../src/fixtures/index.ts";

/** Audits the random-cases fixture's cases with index ≡ part (mod 2): ≥ 20 digits and within the error estimate. */
export function auditRandomCases(part: 0 | 1): void {
  const fixture = loadFixture("random-cases");
  const cases = fixture.cases.filter((_, k) => k % 2 === part);
  expect(cases.length).toBeGreaterThan(20);
  for (const c of cases) {
    const audit = auditOracleDerivatives(c.network, c.params, c.inputs, c.targets);
    const worst = audit.worst;
    expect(audit.minDigits, `${c.id}: ${worst.entry} analytic ${worst.analytic} vs numeric ${worst.numeric}`).toBeGreaterThanOrEqual(20);
    expect(audit.entries.filter((e) => !e.withinError).map((e) => `${c.id} ${e.entry}`)).toEqual([]);
    expect(audit.entries).toHaveLength(c.params.reduce((n, { W, b }) => n + W.length * W[0]!.length + b.length, 0));
  }
}
