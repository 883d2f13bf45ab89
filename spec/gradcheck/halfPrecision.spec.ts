import { describe, expect, it } from "vitest";
import { caughtShare, halfPrecisionSweep } from "./halfPrecisionSweep.ts";

/**
 * The README's float16 and bfloat16 figures ("How verdicts are made"): a rounding to the dtype after every
 * operation. One row per dtype: its seeds, how many stress cases may leave its range, and the share of nonzero
 * entries a relative change of each size is caught on.
 */
const HALF_PRECISIONS = [
  { dtype: "float16", u: "2^-11", stressSeed: 161, sensitivitySeed: 162, maxDropped: 14, dropped: "cases beyond float16's range (weights ×30 on ReLU layers)", inject: [1e-2, 1e-1], caught: [[1e-2, 0.25], [1e-1, 0.7], [1, 0.93]] },
  { dtype: "bfloat16", u: "2^-8", stressSeed: 181, sensitivitySeed: 182, maxDropped: 0, dropped: "bfloat16 has float32's range", inject: [1e-1, 1], caught: [[1e-1, 0.3], [1, 0.7]] },
] as const;

describe.each(HALF_PRECISIONS)("$dtype (simulated): the tolerance model with u = $u", ({ dtype, stressSeed, sensitivitySeed, maxDropped, dropped, inject, caught }) => {
  it(`100 seeded stress cases (seed ${stressSeed}), rounded to ${dtype} as sent: zero failing entries`, async () => {
    const r = await halfPrecisionSweep(dtype, stressSeed, 100, [], 0);
    console.log(`${dtype} stress`, { compared: r.compared, worst: r.worstRatio.toFixed(3), dropped: r.dropped });
    expect(r.compared).toBeGreaterThan(7000);
    expect(r.dropped, dropped).toBeLessThanOrEqual(maxDropped);
    expect(r.worstRatio, "correct answers come close to their tolerance: it is tight, not merely safe").toBeGreaterThan(0.1);
  });

  it(`plain cases (seed ${sensitivitySeed}): a relative change of ${caught.map(([rel, share]) => `${rel} is caught on ${share * 100}%`).join(", ")} of nonzero entries`, async () => {
    const r = await halfPrecisionSweep(dtype, sensitivitySeed, 24, inject, 3, true); // `inject`: the sizes injected one entry at a time
    const shares = caught.map(([rel]) => caughtShare(r.thresholds, rel));
    console.log(`${dtype} sensitivity`, { entries: r.thresholds.length, shares: shares.map((s) => s.toFixed(3)), caught: r.caught, unclaimable: r.unclaimable });
    expect(r.thresholds.length).toBeGreaterThan(1500);
    expect(r.caught).toBeGreaterThan(100); // injected one at a time into the first 3 cases: each fails on that entry alone
    caught.forEach(([rel, share], k) => expect(shares[k], `share caught at a relative change of ${rel}`).toBeGreaterThan(share));
  });
});
