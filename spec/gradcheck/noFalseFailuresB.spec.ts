import { describe, expect, it } from "vitest";
import { expectTight, sweep } from "./falseFailureSweep.ts";

// Cases 5,000–9,999 of the 10,000-case claim (the other half runs in noFalseFailuresA, in parallel).
describe("oracle comparison never fails a correct implementation (float64 and simulated float32), part B", () => {
  it("5,000 seeded stress cases (seed 202): zero failing entries, and every kind of entry within 1/30 of its tolerance somewhere", async () => {
    const cases = Number(process.env["NNCHECK_SWEEP"] ?? 5000);
    const result = await sweep(202, cases, 10);
    expect(result.compared).toBeGreaterThan(cases * 20); // every case compares dozens of entries three ways
    console.log(`worst |error| / tolerance over ${result.compared} entries: ${result.worstRatio.toFixed(3)}; by kind (ReLU-kink cases aside): ${[...result.worstByKind].map(([k, v]) => `${k} ${v.toFixed(3)}`).join(", ")}`);
    expectTight(result, 202); // the model is tight, not merely safe
  });
});
