import { describe, expect, it } from "vitest";
import { oracleCases } from "../../src/checks/oracleCases.ts";
import { casesForDtype, withDropped } from "../../src/checks/dtypeCases.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

// identity outputs driven to ±800 by a saturated case: the squared error is ~640,000, beyond float16's 65504
const network: NetworkSpec = { layers: [4, 3, 2], activations: ["tanh", "identity"], cost: "squared_error" };
const oracle = createOracle();

describe("casesForDtype", () => {
  it("sends float64 and float32 their cases as drawn, none left out", () => {
    const drawn = oracleCases(createRng(5), network, 4, false);
    for (const dtype of ["float64", "float32"] as const) {
      const { cases, dropped } = casesForDtype(drawn, dtype, oracle);
      expect(cases.map(({ kind, c, index }) => ({ kind, c, index }))).toEqual(drawn.map((d, index) => ({ ...d, index })));
      expect(dropped).toEqual([]);
    }
  });

  it("leaves out float16's saturated case, naming the value beyond its range, and keeps the others' indices", () => {
    const drawn = oracleCases(createRng(5), network, 4, false);
    expect(drawn.map((d) => d.kind)).toEqual(["single", "dead-unit", "saturated", "single"]);
    const { cases, dropped } = casesForDtype(drawn, "float16", oracle);
    expect(cases.map((c) => c.index)).toEqual([0, 1, 3]);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(/^case 2 \(saturated\): (the cost|dC\/dz2) = [\d.]+e\+\d+ .*is beyond float16's largest finite value 65504$/);
    // bfloat16 has float32's range: the same case is sent, rounded
    expect(casesForDtype(drawn, "bfloat16", oracle).cases.map((c) => c.index)).toEqual([0, 1, 2, 3]);
  });

  it("says the left-out cases in the outcome, and skips a check with nothing left, with the reason", () => {
    const passed = { status: "passed" as const, message: "40 entries in 3 cases agree with the exact oracle" };
    expect(withDropped(passed, [], 3, "float16")).toBe(passed);
    expect(withDropped(passed, ["case 2 (saturated): the cost = 6.40e+5 is beyond float16's largest finite value 65504"], 4, "float16").message)
      .toBe("40 entries in 3 cases agree with the exact oracle; 1 of 4 cases left out as beyond float16's range (case 2 (saturated): the cost = 6.40e+5 is beyond float16's largest finite value 65504)");
    const skipped = withDropped(undefined, ["case 0 (saturated): a", "case 1 (saturated): b"], 2, "float16");
    expect(skipped.status).toBe("skipped");
    expect(skipped.message).toBe("all 2 cases are beyond float16's range (case 0 (saturated): a; +1 more)");
  });
});
