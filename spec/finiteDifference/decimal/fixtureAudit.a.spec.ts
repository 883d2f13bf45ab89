import { describe, it } from "vitest";
import { auditRandomCases } from "./fixtureAudit.ts";

describe("auditOracleDerivatives on fixtures/random-cases.json (even cases)", () => {
  it("agrees with the oracle's gradient to ≥ 20 digits on every parameter", () => auditRandomCases(0));
});
