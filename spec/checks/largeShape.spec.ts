import { describe, expect, it } from "vitest";
import { isLargeShape, LARGE_TRAIN_STEPS, largeShapeRuns, parameterCount, scaledForLargeShape } from "../../src/checks/largeShape.ts";
import { oracleCheck } from "../../src/checks/oracleChecks.ts";
import type { Check } from "../../src/harness/check.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { reference } from "../../src/reference/index.ts";
import { runCheck } from "./runCheck.ts";

const net: NetworkSpec = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" }; // P = 16

describe("checks on a large shape (threshold crossed on a small network)", () => {
  it("counts parameters as Σ (n_{l−1} + 1)·n_l and is large only above the threshold", () => {
    expect(parameterCount({ layers: [784, 128, 10] })).toBe(101_770);
    expect(parameterCount(net)).toBe(16);
    expect(isLargeShape(net, 16)).toBe(false);
    expect(isLargeShape(net, 15)).toBe(true);
    expect(isLargeShape({ layers: [784, 128, 10] })).toBe(true);
  });

  it("sends the usual cases at the threshold and fewer above it, every entry compared (16 gradients and the cost a case), and says so", async () => {
    const at = await runCheck(oracleCheck("oracle/gradients/t", "gradients", "3-3-1", net, false, "unsaturated", 8, 16), reference, 100);
    const above = await runCheck(oracleCheck("oracle/gradients/t", "gradients", "3-3-1", net, false, "unsaturated", 8, 15), reference, 100);
    expect(at.status).toBe("passed");
    expect(above.status).toBe("passed");
    expect(at.message).toBe("136 entries in 8 cases agree with the exact oracle");
    expect(above.message).toBe("34 entries in 2 cases agree with the exact oracle; above 15 parameters (this shape: 16) 2 cases, not 8");
  });

  it("sends one case for a sum or mean_all variant above the threshold", async () => {
    const sum = await runCheck(oracleCheck("oracle/gradients/t/sum", "gradients", "3-3-1", { ...net, reduction: "sum" }, false, "unsaturated", 8, 15), reference, 100);
    expect(sum.status).toBe("passed");
    expect(sum.message).toBe("17 entries in 1 cases agree with the exact oracle; above 15 parameters (this shape: 16) 1 case, not 4");
  });

  it("trains fewer steps above the threshold and names them", async () => {
    const check = oracleCheck("oracle/train/t", "train", "3-3-1", net, false, "unsaturated", 8, 15);
    expect(check.description).toContain(`small data sets, ${LARGE_TRAIN_STEPS} SGD steps each`);
    const outcome = await runCheck(check, reference, 100);
    expect(outcome.status).toBe("passed");
    expect(outcome.message).toContain(`2 cases of ${LARGE_TRAIN_STEPS} steps (not 8), not 4`);
  });

  it("runs a property as if --runs were runs·1,000/P above the threshold (at least 1), unchanged at or below it", async () => {
    expect(largeShapeRuns(100, { layers: [784, 128, 10] })).toBe(1);
    expect(largeShapeRuns(100, { layers: [100, 100, 10] })).toBe(9); // P = 11,110
    expect(largeShapeRuns(100, net)).toBe(100);
    const seen: number[] = [];
    const probe: Check = { id: "property/probe", description: "", needs: { methods: [] }, run: async (c) => (seen.push(c.runs), { status: "passed", message: "ok" }) };
    expect(scaledForLargeShape(probe, net, 16)).toBe(probe);
    const outcome = await runCheck(scaledForLargeShape(probe, net, 15), reference, 100);
    expect(seen).toEqual([Math.round((100 * 1000) / 16)]);
    expect(outcome.message).toBe("ok; above 15 parameters (this shape: 16) run as if --runs were 6250, not 100");
  });
});
