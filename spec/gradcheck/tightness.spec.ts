/**
 * The rounding model is tight, not merely safe, on the two sums every gradient check leans on: a correct
 * implementation that adds in plain left-to-right order, on a batch built so that every small term is lost to
 * rounding, comes within a stated fraction of the engine's tolerance. A term of the model loosened 10× (the batch
 * sum of a weight gradient, the cost's sum) drops it below that fraction; the sweeps of noFalseFailuresA/B pin
 * every kind of entry the same way on random cases.
 */
import { describe, expect, it } from "vitest";
import { compareGradients } from "../../src/gradcheck/index.ts";
import type { GradientsRequest, GradientsResult } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { TIGHT_FRACTION } from "./falseFailureSweep.ts";

const n = 64;
const identity: NetworkSpec = { layers: [1, 1], activations: ["identity"], cost: "squared_error" };

/** z = w·x + b, a = z, C = (1/n) Σ (a − y)²; every sum left to right, as a straightforward loop would. */
function leftToRight(request: GradientsRequest): GradientsResult {
  const w = request.params[0]!.W[0]![0]!, b = request.params[0]!.b[0]!;
  let costSum = 0, gW = 0, gb = 0;
  request.inputs.forEach(([x], k) => {
    const e = w * x! + b - request.targets[k]![0]!;
    costSum += e * e;
    const delta = (2 * e) / request.inputs.length;
    gW += delta * x!;
    gb += delta;
  });
  return { cost: costSum / request.inputs.length, grads: [{ W: [[gW]], b: [gb] }] };
}

/** w = b = 0 and x = 1, so a − y = −y exactly: the targets choose each sample's term. */
const batch = (first: number, rest: number): GradientsRequest => ({
  network: identity, params: [{ W: [[0]], b: [0] }],
  inputs: Array.from({ length: n }, () => [1]), targets: Array.from({ length: n }, (_, k) => [k === 0 ? first : rest]),
});

function ratios(request: GradientsRequest) {
  const comparison = compareGradients(request, leftToRight(request), { dtype: "float64", oracle: createOracle() });
  expect(comparison.ok, "a correct implementation must pass").toBe(true);
  return new Map(comparison.entries.map((e) => [e.entry, { ratio: e.absError / e.tolerance, error: e.absError }]));
}

describe("the rounding model is tight where the sums lose the most", () => {
  it(`the batch sums of dC/dW and dC/db: 1 + ${n - 1} terms of 2^-53, each lost (error ${n - 1}·2^-53)`, () => {
    const r = ratios(batch(-n / 2, -(n / 2) * 2 ** -53)); // delta = 1 for the first sample, 2^-53 for the others
    console.log(`batch sums: |error| / tolerance = ${r.get("W1[0][0]")!.ratio.toFixed(3)} (W), ${r.get("b1[0]")!.ratio.toFixed(3)} (b)`);
    for (const entry of ["W1[0][0]", "b1[0]"]) {
      expect(r.get(entry)!.error, entry).toBeGreaterThan(0.9 * (n - 1) * 2 ** -53); // against the exact value rounded to float64
      expect(r.get(entry)!.ratio, `${entry}: |error| / tolerance`).toBeGreaterThan(TIGHT_FRACTION);
    }
  });

  it(`the cost's sum: 1 + ${n - 1} squares of 2^-54, each lost (error ${n - 1}·2^-54 / n)`, () => {
    const r = ratios(batch(-1, -(2 ** -27)));
    console.log(`cost sum: |error| / tolerance = ${r.get("cost")!.ratio.toFixed(3)}`);
    expect(r.get("cost")!.error).toBeGreaterThan((0.9 * (n - 1) * 2 ** -54) / n);
    expect(r.get("cost")!.ratio, "cost: |error| / tolerance").toBeGreaterThan(TIGHT_FRACTION);
  });
});
