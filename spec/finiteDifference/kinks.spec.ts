import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { finiteDifferenceDirectional, finiteDifferenceFull, placeOnKink, type FiniteDifferenceReport } from "../../src/finiteDifference/index.ts";
import type { GradientsRequest } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { forward, reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { buggyImplementation } from "./support/buggyImplementation.ts";
import { SEED } from "./support/cases.ts";

const seedNet: NetworkSpec = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" };
const float32 = textbookImplementation({ arithmetic: "float32" });

/** The seed network, one sample with inputs in (0, 1), unit 1 of the ReLU layer put at z = offset. */
function seedCase(offset: number, dead = false): GradientsRequest {
  const c = randomCase(createRng(SEED), seedNet, 1, { inputRange: [0.1, 1], paramRange: [-1, 1] });
  const params = placeOnKink(seedNet, [{ W: c.params[0]!.W, b: c.params[0]!.b }, { W: [[0.9, -1.3, 0.7]], b: [0.1] }], c.inputs, { layer: 0, unit: 1, sample: 0, offset, dead });
  return { network: seedNet, params, inputs: c.inputs, targets: [[0.2]] };
}

const byEntry = (r: FiniteDifferenceReport, entry: string) => r.verdicts.find((v) => v.entry === entry)!;

describe(`kink awareness (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it("reports a unit on its kink as at-kink with left and right derivatives, the analytic value on the off side (ReLU′(0) = 0)", async () => {
    const request = seedCase(0, true); // W1[1] = 0, b1[1] = 0: z = 0 exactly
    const report = await finiteDifferenceFull(reference, request, { dtype: "float64", kinkProbe: "implementation" });
    expect(report.ok).toBe(true);
    for (const entry of ["W1[1][0]", "W1[1][1]", "W1[1][2]", "b1[1]"]) {
      const v = byEntry(report, entry);
      expect(v.status, entry).toBe("at-kink");
      expect(v.analytic).toBe(0);
      expect(v.left!.value).toBeCloseTo(0, 12); // moving z below 0: the unit stays off
      // moving z above 0 turns it on: dC/dz1 = 2(a2 − y)·σ′(z2)·W2[0][1], times x_j for a weight
      expect(Math.abs(v.right!.value)).toBeGreaterThan(1e-3);
      expect(v.kinkAgreement).toBe("left");
      expect(v.why).toMatch(/on the ReLU kink of Z1\[0\]\[1\].*analytic matches the left side/);
    }
    expect(report.atKink).toBe(4);
    expect(byEntry(report, "W2[0][1]").status).toBe("ok"); // W2 does not move z1: no kink crossed
  });

  it("has the right derivative agree with the exact gradient when the unit is on, and the left when it is off", async () => {
    for (const [offset, side] of [[1e-13, "right"], [-1e-13, "left"]] as const) {
      const report = await finiteDifferenceFull(reference, seedCase(offset), { dtype: "float64", kinkProbe: "implementation" });
      const v = byEntry(report, "b1[1]");
      expect(v.status).toBe("at-kink"); // 1e-13 is below the smallest step
      expect(v.kinkAgreement).toBe(side);
    }
  });

  it("shrinks the step below the distance to a kink near the point, then judges the entry as usual", async () => {
    const report = await finiteDifferenceFull(reference, seedCase(3e-6), { dtype: "float64", kinkProbe: "implementation" });
    const v = byEntry(report, "b1[1]");
    expect(v.status).toBe("ok");
    expect(v.why).toMatch(/step shrunk 1× to stay clear of the ReLU kink of Z1\[0\]\[1\]/);
    expect(v.steps[0]).toBeLessThan(3e-6);
    expect(Math.abs(v.numeric - v.analytic)).toBeLessThan(1e-8);
  });

  it("pins a found case: two samples crossing one kink in opposite directions — the analytic value (ReLU′(0) = 0) is neither side, still at-kink", async () => {
    // Dead unit 1 (z = 0 for both samples); moving W1[1][0] turns sample 0 on to the right (x = 0.5) and sample 1 on
    // to the left (x = −0.7). Their errors a − y have opposite signs, so both sides' slopes have the same sign and 0 lies outside.
    const params = [{ W: [[0.4, -0.2, 0.3], [0, 0, 0], [0.1, 0.5, -0.4]], b: [0.1, 0, 0.2] }, { W: [[0.9, -1.3, 0.7]], b: [0.1] }];
    const request = { network: seedNet, params, inputs: [[0.5, 0.2, 0.1], [-0.7, 0.3, 0.2]], targets: [[0], [1]] };
    const report = await finiteDifferenceFull(reference, request, { dtype: "float64", kinkProbe: "implementation" });
    const v = byEntry(report, "W1[1][0]");
    expect(v).toMatchObject({ status: "at-kink", analytic: 0, kinkAgreement: "outside" });
    expect(Math.sign(v.left!.value)).toBe(Math.sign(v.right!.value));
    expect(v.why).toMatch(/several units sit on kinks here/);
    expect(report.ok).toBe(true);
  });

  it("still fails a wrong gradient on a kink case, through the entries off the kink", async () => {
    const report = await finiteDifferenceFull(buggyImplementation("times-2"), seedCase(0, true), { dtype: "float64" });
    expect(report.ok).toBe(false);
    expect(report.mismatches.map((v) => v.entry)).toContain("b2[0]");
  });

  it("never reports a mismatch for correct implementations driven onto kinks (property: z = 0, a hair either side, dead units)", async () => {
    const shapes: NetworkSpec[] = [
      seedNet,
      { layers: [3, 4, 3, 1], activations: ["relu", "relu", "logistic"], cost: "squared_error" },
      { layers: [2, 3, 3, 1], activations: ["tanh", "relu", "identity"], cost: "squared_error" },
      { layers: [2, 2, 2, 2, 1], activations: ["relu", "relu", "relu", "logistic"], cost: "squared_error" },
    ];
    const offset = fc.oneof(fc.constant(0), fc.constantFrom(1e-300, 1e-16, 1e-12, 1e-9, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2).chain((m) => fc.constantFrom(m, -m)), fc.double({ min: -1e-3, max: 1e-3, noNaN: true }));
    const property = fc.asyncProperty(
      fc.nat(shapes.length - 1), fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.nat(), offset, fc.boolean(), fc.constantFrom("float64", "float32") as fc.Arbitrary<"float64" | "float32">,
      async (shape, seed, batch, unitPick, samplePick, z, dead, dtype) => {
        const network = shapes[shape]!;
        const c = randomCase(createRng(seed), network, batch, { reluMargin: 0 });
        const relu = network.activations.flatMap((f, l) => (f === "relu" ? [l] : []));
        const layer = relu[unitPick % relu.length]!;
        const params = placeOnKink(network, c.params, c.inputs, { layer, unit: unitPick % network.layers[layer + 1]!, sample: samplePick % batch, offset: z, dead: dead && z === 0 }, dtype);
        const request = { network, params, inputs: c.inputs, targets: c.targets };
        const impl = dtype === "float64" ? reference : float32;
        const reports = [
          await finiteDifferenceFull(impl, request, { dtype, kinkProbe: "implementation" }),
          await finiteDifferenceDirectional(impl, request, { dtype, rng: createRng(seed), directions: 3, kinkProbe: "implementation" }),
        ];
        for (const r of reports) expect(r.mismatches.map((v) => `${v.entry}: ${v.why}`)).toEqual([]);
      },
    );
    await fc.assert(property, { seed: SEED, numRuns: 40 });
  });

  it("pins the zero it aims at: placeOnKink puts z within rounding of the offset", () => {
    const request = seedCase(0);
    expect(Math.abs(forward(seedNet, request.params, request.inputs)[0]!.z[0]![1]!)).toBeLessThan(1e-15);
  });
});
