import { describe, expect, it } from "vitest";
import { caughtShare, halfPrecisionSweep } from "./halfPrecisionSweep.ts";

// The README's bfloat16 figures ("How verdicts are made"): a rounding to bfloat16 after every operation.
describe("bfloat16 (simulated): the tolerance model with u = 2^-8", () => {
  it("100 seeded stress cases (seed 181), rounded to bfloat16 as sent: zero failing entries", async () => {
    const r = await halfPrecisionSweep("bfloat16", 181, 100, [], 0);
    console.log("bfloat16 stress", { compared: r.compared, worst: r.worstRatio.toFixed(3), dropped: r.dropped });
    expect(r.compared).toBeGreaterThan(7000);
    expect(r.dropped, "bfloat16 has float32's range").toBe(0);
    expect(r.worstRatio, "correct answers come close to their tolerance: it is tight, not merely safe").toBeGreaterThan(0.1);
  });
  it("plain cases (seed 182): a relative change of 1e-1 is caught on 30% of nonzero entries, 1 on 70%", async () => {
    const r = await halfPrecisionSweep("bfloat16", 182, 24, [1e-1, 1], 3, true);
    const shares = [1e-1, 1].map((rel) => caughtShare(r.thresholds, rel));
    console.log("bfloat16 sensitivity", { entries: r.thresholds.length, shares: shares.map((s) => s.toFixed(3)), caught: r.caught, unclaimable: r.unclaimable });
    expect(r.thresholds.length).toBeGreaterThan(1500);
    expect(r.caught).toBeGreaterThan(100); // injected one at a time into the first 3 cases: each fails on that entry alone
    expect(shares[0]).toBeGreaterThan(0.3);
    expect(shares[1]).toBeGreaterThan(0.7);
  });
});
