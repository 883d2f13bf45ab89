import { describe, expect, it } from "vitest";
import { sweep } from "./false-failure-sweep.ts";

// Cases 0–4,999 of the 10,000-case claim (the other half runs in no-false-failures-b, in parallel).
describe("oracle comparison never fails a correct implementation (float64 and simulated float32), part A", () => {
  it("5,000 seeded stress cases (seed 101): zero failing entries", async () => {
    const { compared, worstRatio } = await sweep(101, Number(process.env.NNCHECK_SWEEP ?? 5000), 10);
    expect(compared).toBeGreaterThan(100_000);
    console.log(`worst |error| / tolerance over ${compared} entries: ${worstRatio.toFixed(3)}`);
  });
});
