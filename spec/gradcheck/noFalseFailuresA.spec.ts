import { describe, expect, it } from "vitest";
import { sweep } from "./falseFailureSweep.ts";

// Cases 0–4,999 of the 10,000-case claim (the other half runs in noFalseFailuresB, in parallel).
describe("oracle comparison never fails a correct implementation (float64 and simulated float32), part A", () => {
  // CPU-bound and finite: the timeout only guards against a hang, generous for a loaded machine
  it("5,000 seeded stress cases (seed 101): zero failing entries", { timeout: 600_000 }, async () => {
    const cases = Number(process.env["NNCHECK_SWEEP"] ?? 5000);
    const { compared, worstRatio } = await sweep(101, cases, 10);
    expect(compared).toBeGreaterThan(cases * 20); // every case compares dozens of entries three ways
    console.log(`worst |error| / tolerance over ${compared} entries: ${worstRatio.toFixed(3)}`);
  });
});
