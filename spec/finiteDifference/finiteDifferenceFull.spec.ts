import { describe, expect, it } from "vitest";
import { finiteDifferenceFull, flattenParams } from "../../src/finiteDifference/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import { createOracle, toNumberParams } from "../../src/oracle/index.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { buggyImplementation } from "./support/buggyImplementation.ts";
import { requests, SEED } from "./support/cases.ts";

const oracle = createOracle({ precision: 30 });
const float32 = textbookImplementation({ arithmetic: "float32" });
const correct: [string, Implementation, "float64" | "float32"][] = [
  ["the reference", reference, "float64"],
  ["an independent float64 implementation", textbookImplementation({ arithmetic: "float64" }), "float64"],
  ["a simulated float32 implementation", float32, "float32"],
];

describe(`finiteDifferenceFull (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it.each(correct)("finds no mismatch on %s (12 cases, 5 shapes, ReLU kinks allowed)", async (_, impl, dtype) => {
    for (const [k, request] of requests(12, SEED, { reluMargin: 0, paramRange: [-2, 2] }).entries()) {
      const report = await finiteDifferenceFull(impl, request, { dtype, kinkProbe: "implementation" });
      expect(report.mismatches.map((v) => `case ${k}: ${v.entry} ${v.why}`)).toEqual([]);
      expect(report.verdicts.map((v) => v.entry)).toEqual(flattenParams(request.params).names);
    }
  });

  it.each([["float64", reference], ["float32", float32]] as const)("has error estimates that bound the distance to the exact gradient (%s)", async (dtype, impl) => {
    let worst = 0;
    for (const request of requests(10, SEED + 1)) {
      const report = await finiteDifferenceFull(impl, request, { dtype });
      const r = (x: number) => (dtype === "float32" ? Math.fround(x) : x);
      const exact = flattenParams(toNumberParams(oracle.gradients(request.network, report.params, request.inputs.map((x) => x.map(r)), request.targets.map((y) => y.map(r))).grads)).theta;
      report.verdicts.forEach((v, i) => {
        expect(Math.abs(v.numeric - exact[i]!), `${v.entry}: numeric ${v.numeric}, exact ${exact[i]}`).toBeLessThanOrEqual(v.errorEstimate);
        worst = Math.max(worst, Math.abs(v.numeric - exact[i]!) / v.errorEstimate);
      });
    }
    expect(worst).toBeGreaterThan(1e-4); // not vacuous
  });

  it("names every entry the seed's way and explains its tolerance", async () => {
    const [request] = requests(1);
    const report = await finiteDifferenceFull(reference, request!, { dtype: "float64" });
    expect(report.verdicts[0]).toMatchObject({ entry: "W1[0][0]", status: "ok" });
    expect(report.verdicts.at(-1)!.entry).toBe("b2[0]");
    expect(report.verdicts[0]!.why).toMatch(/^4 × numeric error .* \(Richardson over steps .*: truncation .* \+ rounding .*\) \+ analytic rounding/);
    expect(report.verdicts[0]!.tolerance).toBeCloseTo(4 * report.verdicts[0]!.errorEstimate + 64 * 2 ** -53 * (Math.abs(report.verdicts[0]!.analytic) + Math.max(...report.verdicts.map((v) => Math.abs(v.analytic)))), 20);
    expect(report.verdicts[0]!.steps).toHaveLength(3);
  });

  it.each([
    ["every gradient × 2", "times-2"],
    ["the logistic derivative left out", "missing-logistic-derivative"],
    ["the error's sign flipped", "sign-flip"],
  ] as const)("fails %s, in float64 and float32 alike", async (_, bug) => {
    for (const dtype of ["float64", "float32"] as const) {
      for (const request of requests(5, SEED + 2, { paramRange: [-2, 2] })) {
        if (bug === "missing-logistic-derivative" && !request.network.activations.includes("logistic")) continue;
        const report = await finiteDifferenceFull(buggyImplementation(bug), request, { dtype });
        expect(report.ok, `${bug} on ${request.network.layers.join("-")} (${dtype})`).toBe(false);
        const worst = report.mismatches[0]!;
        expect(Math.abs(worst.analytic - worst.numeric)).toBeGreaterThan(worst.tolerance);
      }
    }
  });

  it("catches a relative error of 1e-6 in one float64 entry (a blanket rtol of 1e-3 would not)", async () => {
    const fixed = {
      network: { layers: [2, 5, 1], activations: ["tanh", "logistic"], cost: "squared_error" } as const,
      params: [{ W: [[0.8, -0.3], [0.1, 0.5], [-0.7, 0.2], [0.4, 0.9], [-0.2, -0.6]], b: [0.1, -0.2, 0.3, 0, 0.05] }, { W: [[0.9, -1.1, 0.7, 0.5, -0.4]], b: [0.2] }],
      inputs: [[0.6, -0.4]],
      targets: [[0.9]],
    };
    const report = await finiteDifferenceFull(buggyImplementation({ entry: "W1[0][0]", epsilon: 1e-6 }), fixed, { dtype: "float64" });
    expect(report.mismatches.map((v) => v.entry)).toEqual(["W1[0][0]"]);
  });

  it("costs 1 + 2·(1 + 6P) implementation calls with the forward probe, and 1 + (1 + 6P) with the reference probe", async () => {
    const [request] = requests(2).slice(1); // 2-5-1 tanh: no kink, no retry
    const P = flattenParams(request!.params).theta.length;
    expect((await finiteDifferenceFull(reference, request!, { dtype: "float64", kinkProbe: "implementation" })).calls).toBe(1 + 2 * (1 + 6 * P));
    expect((await finiteDifferenceFull(reference, request!, { dtype: "float64" })).calls).toBe(1 + 1 + 6 * P);
  });

  it("differentiates either the implementation's own cost or C = (1/n)Σ(a − y)² of its forward pass (costSource)", async () => {
    // A self-consistent implementation of the wrong cost, ½(a − y)²: its gradient matches its own cost, not the convention's.
    const half: Implementation = { ...reference, gradients: async (r) => {
      const { cost, grads } = await reference.gradients(r);
      return { cost: cost / 2, grads: grads.map(({ W, b }) => ({ W: W.map((row) => row.map((g) => g / 2)), b: b.map((g) => g / 2) })) };
    } };
    const [request] = requests(2).slice(1);
    const own = await finiteDifferenceFull(half, request!, { dtype: "float64", costSource: "gradients" });
    const convention = await finiteDifferenceFull(half, request!, { dtype: "float64", costSource: "forward" });
    expect(own.ok).toBe(true);
    expect(convention.ok).toBe(false);
    expect(convention.mismatches.every((v) => Math.abs(v.numeric / v.analytic - 2) < 1e-6)).toBe(true);
    const P = flattenParams(request!.params).theta.length;
    expect(convention.calls).toBe(1 + 1 + 6 * P); // one forward per point: cost and ReLU pattern both from it
  });
});
