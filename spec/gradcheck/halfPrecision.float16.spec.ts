import { describe, expect, it } from "vitest";
import { caughtShare, halfPrecisionSweep } from "./halfPrecisionSweep.ts";

// The README's float16 figures ("How verdicts are made"): a rounding to float16 after every operation.
describe("float16 (simulated): the tolerance model with u = 2^-11", () => {
  it("100 seeded stress cases (seed 161), rounded to float16 as sent: zero failing entries", async () => {
    const r = await halfPrecisionSweep("float16", 161, 100, [], 0);
    console.log("float16 stress", { compared: r.compared, worst: r.worstRatio.toFixed(3), dropped: r.dropped });
    expect(r.compared).toBeGreaterThan(7000);
    expect(r.dropped, "cases beyond float16's range (weights ×30 on ReLU layers)").toBeLessThan(15);
    expect(r.worstRatio, "correct answers come close to their tolerance: it is tight, not merely safe").toBeGreaterThan(0.1);
  });
  it("plain cases (seed 162): a relative change of 1e-2 is caught on 25% of nonzero entries, 1e-1 on 70%, 1 on 93%", async () => {
    const r = await halfPrecisionSweep("float16", 162, 24, [1e-2, 1e-1], 3, true);
    const shares = [1e-2, 1e-1, 1].map((rel) => caughtShare(r.thresholds, rel));
    console.log("float16 sensitivity", { entries: r.thresholds.length, shares: shares.map((s) => s.toFixed(3)), caught: r.caught, unclaimable: r.unclaimable });
    expect(r.thresholds.length).toBeGreaterThan(1500);
    expect(r.caught).toBeGreaterThan(100); // injected one at a time into the first 3 cases: each fails on that entry alone
    expect(shares[0]).toBeGreaterThan(0.25);
    expect(shares[1]).toBeGreaterThan(0.7);
    expect(shares[2]).toBeGreaterThan(0.93);
  });
});
