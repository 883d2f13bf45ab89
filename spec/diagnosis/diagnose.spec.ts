import { describe, expect, it } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { compareGradients, exactGradientsWithScales, type Dtype } from "../../src/gradcheck/index.ts";
import { diagnose } from "../../src/diagnosis/index.ts";
import type { GradientsRequest, GradientsResult } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { buggyGradients, type Bug } from "./buggyBackprop.ts";

const oracle = createOracle();
const SEED = Number(process.env.NNCHECK_SEED ?? 20240611);

const net = (layers: number[], activations: NetworkSpec["activations"]): NetworkSpec => ({ layers, activations, cost: "squared_error" });
const seedNet = net([3, 3, 1], ["relu", "logistic"]);
const wide = net([2, 4, 3], ["relu", "identity"]);
const deep = net([3, 4, 3, 1], ["relu", "tanh", "logistic"]);

/** A case whose first (ReLU) layer has units on and off (so mask bugs show), batch `n`, seeded; `on`: units that must be on. */
function mixedCase(network: NetworkSpec, n: number, seed: number, on: readonly number[] = []): GradientsRequest {
  const c = randomCase(createRng(seed), network, n, {
    paramRange: [-1.5, 1.5],
    accept: (candidate) => {
      const z1 = oracle.forward(candidate.network, candidate.params, candidate.inputs)[0]!.z;
      const flat = z1.flat();
      return flat.some((z) => z.gt(0)) && flat.some((z) => z.lt(0)) && on.every((i) => z1.every((zs) => zs[i]!.gt(0)));
    },
  });
  return { network, params: c.params, inputs: c.inputs, targets: c.targets };
}

/** The same case with hidden unit `unit` dead: its weights and bias 0, so z = 0 exactly in every sample. */
function deadUnit(request: GradientsRequest, unit: number): GradientsRequest {
  const params = request.params.map(({ W, b }, l) => (l === 0 ? { W: W.map((row, i) => (i === unit ? row.map(() => 0) : row)), b: b.map((v, i) => (i === unit ? 0 : v)) } : { W, b }));
  return { ...request, params };
}

function diagnosed(request: GradientsRequest, actual: GradientsResult, dtype: Dtype = "float64") {
  const withScales = exactGradientsWithScales(request, { dtype, oracle });
  const comparison = compareGradients(request, actual, { dtype, oracle }, withScales);
  return { comparison, hints: diagnose(request, withScales.exact, actual, comparison) };
}

const kinds = (hints: readonly { kind: string }[]) => hints.map((h) => h.kind);

describe("diagnose", () => {
  it("gives no hint for correct answers: the reference, an independent float64 and a float32 implementation", async () => {
    const f32 = textbookImplementation({ arithmetic: "float32" });
    for (const [k, network] of [seedNet, wide, deep].entries()) {
      const request = mixedCase(network, 1 + k, SEED + k);
      for (const [impl, dtype] of [[reference, "float64"], [f32, "float32"]] as const) {
        const { comparison, hints } = diagnosed(request, await impl.gradients(request), dtype);
        expect(comparison.ok, `seed ${SEED + k}`).toBe(true);
        expect(hints).toEqual([]);
      }
      const { hints } = diagnosed(request, buggyGradients(request, "none"));
      expect(hints, `seed ${SEED + k}: the bug-free spec backprop`).toEqual([]);
    }
  });

  it("names no bug for unstructured errors (10% noise on every entry)", () => {
    const request = mixedCase(seedNet, 3, SEED);
    const rng = createRng(SEED);
    const right = buggyGradients(request, "none");
    const noisy = { cost: right.cost, grads: right.grads.map(({ W, b }) => ({ W: W.map((r) => r.map((x) => x * (1 + 0.1 * rng.uniform(-1, 1)))), b: b.map((x) => x * (1 + 0.1 * rng.uniform(-1, 1))) })) };
    const { comparison, hints } = diagnosed(request, noisy);
    expect(comparison.ok).toBe(false);
    expect(hints).toEqual([]);
  });

  it.each<[Bug, string, NetworkSpec, number]>([
    ["half-cost", "factor-half", seedNet, 3],
    ["double-two", "factor-2", wide, 3],
    ["sign", "sign-flip", deep, 3],
    ["batch-sum", "batch-sum", wide, 4],
    ["double-average", "double-average", seedNet, 4],
    ["bias-batch-sum", "bias-batch-sum", wide, 4],
  ])("recognises %s as %s", (bug, kind, network, n) => {
    const request = mixedCase(network, n, SEED + 1);
    const { comparison, hints } = diagnosed(request, buggyGradients(request, bug));
    expect(comparison.ok).toBe(false);
    expect(kinds(hints)).toEqual([kind]);
    if (bug === "bias-batch-sum") expect(hints[0]!.message).toMatch(/^b1 and b2 are 4× .*only the biases/);
    if (bug === "half-cost") expect(hints[0]!.message).toMatch(/^all gradients and the cost are ½×/);
  });

  it("recognises a factor in float32 answers too (the loose tolerance is far above float32 rounding)", async () => {
    const request = mixedCase(deep, 3, SEED + 8);
    const right = await textbookImplementation({ arithmetic: "float32" }).gradients(request);
    const halved = { cost: right.cost, grads: right.grads.map(({ W, b }) => ({ W: W.map((r) => r.map((x) => x / 2)), b: b.map((x) => x / 2) })) };
    expect(kinds(diagnosed(request, halved, "float32").hints)).toEqual(["factor-half"]);
  });

  it.each<[Bug, string, NetworkSpec, RegExp]>([
    ["relu-mask-missing", "relu-mask", seedNet, /ReLU′ = 1 on every unit of layer 1/],
    ["relu-mask-inverted", "relu-mask-inverted", wide, /inverted ReLU mask in layer 1/],
    ["missing-output-derivative", "missing-derivative", seedNet, /logistic′ ≡ 1 in layer 2/],
    ["missing-tanh-derivative", "missing-derivative", deep, /tanh′ ≡ 1 in layer 2/],
  ])("recomputes the backward pass to recognise %s", (bug, kind, network, message) => {
    const request = mixedCase(network, 2, SEED + 2);
    const { hints } = diagnosed(request, buggyGradients(request, bug));
    expect(kinds(hints)).toEqual([kind]);
    expect(hints[0]!.message).toMatch(message);
  });

  it("recognises ReLU′(0) = 1 on a unit whose z is exactly 0", () => {
    const request = deadUnit(mixedCase(seedNet, 2, SEED + 3), 1);
    const { comparison, hints } = diagnosed(request, buggyGradients(request, "relu-at-zero-one"));
    expect(comparison.failures.map((e) => e.entry)).toContain("b1[1]");
    expect(kinds(hints)).toEqual(["relu-derivative-at-zero"]);
    expect(hints[0]!.message).toMatch(/z exactly 0 at unit 1 of sample 0 and unit 1 of sample 1/);
  });

  it("recognises a transposed dC/dW1, square (values) and non-square (shape)", () => {
    const square = mixedCase(seedNet, 2, SEED + 4);
    expect(kinds(diagnosed(square, buggyGradients(square, "transposed-W1")).hints)).toEqual(["transposed"]);
    const nonSquare = mixedCase(wide, 2, SEED + 4);
    const { comparison, hints } = diagnosed(nonSquare, buggyGradients(nonSquare, "transposed-W1"));
    expect(comparison.problems).toEqual(["W1 has shape 2×4, expected 4×2"]);
    expect(kinds(hints)).toEqual(["transposed"]);
    expect(hints[0]!.message).toMatch(/2×4 where 4×2 is expected/);
  });

  it("recognises rows that are all the sum of the exact rows (the seed's published bug)", () => {
    const request = mixedCase(deep, 1, SEED + 5);
    const { hints } = diagnosed(request, buggyGradients(request, "broadcast-rows"));
    expect(kinds(hints)).toEqual(["broadcast-rows"]);
    expect(hints[0]!.message).toMatch(/every row of dC\/dW1 is the sum of the exact rows, and every entry of dC\/db1 is the sum of the exact entries/);
  });

  it("points at the one wrong entry of a typo", () => {
    const request = mixedCase(seedNet, 1, SEED + 6, [1]); // the typo sits in unit 1's row: it must be on to show
    const { comparison, hints } = diagnosed(request, buggyGradients(request, "typo"));
    expect(comparison.failures.map((e) => e.entry), `seed ${SEED + 6}`).toEqual(["W1[1][2]"]);
    expect(kinds(hints)).toEqual(["single-entry"]);
    expect(hints[0]!.message).toMatch(/^only W1\[1\]\[2\] is wrong/);
  });

  it("falls back to the off-units pattern when a mask bug fits no recomputed hypothesis", () => {
    // ReLU′ = 0.5 where z ≤ 0: neither missing nor inverted, but only off units are wrong.
    const request = mixedCase(seedNet, 1, SEED + 7);
    const right = buggyGradients(request, "none");
    const half = buggyGradients(request, "relu-mask-missing");
    const actual = { cost: right.cost, grads: right.grads.map((g, l) => (l === 0 ? { W: g.W.map((r, i) => r.map((x, j) => (x + half.grads[0]!.W[i]![j]!) / 2)), b: g.b.map((x, i) => (x + half.grads[0]!.b[i]!) / 2) } : g)) };
    const { hints } = diagnosed(request, actual);
    expect(kinds(hints)).toEqual(["relu-off-units"]);
  });
});
