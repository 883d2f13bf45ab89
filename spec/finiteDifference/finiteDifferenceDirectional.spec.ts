import { describe, expect, it } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { finiteDifferenceDirectional } from "../../src/finiteDifference/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { buggyImplementation } from "./support/buggyImplementation.ts";
import { requests, SEED } from "./support/cases.ts";

/** An implementation that counts its calls. */
function counted(impl: Implementation): { impl: Implementation; calls: () => number } {
  let n = 0;
  const wrap = <F extends (r: never) => Promise<unknown>>(f: F) => ((r: never) => (n++, f(r))) as F;
  return { impl: { ...impl, forward: wrap(impl.forward), gradients: wrap(impl.gradients) }, calls: () => n };
}

describe(`finiteDifferenceDirectional (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it.each([
    ["the reference", reference, "float64"],
    ["a simulated float32 implementation", textbookImplementation({ arithmetic: "float32" }), "float32"],
  ] as const)("finds no mismatch on %s (20 cases × 6 directions)", async (_, impl, dtype) => {
    for (const [k, request] of requests(20, SEED + 10, { paramRange: [-2, 2] }).entries()) {
      const report = await finiteDifferenceDirectional(impl, request, { dtype, rng: createRng(SEED + k), directions: 6, kinkProbe: "implementation" });
      expect(report.mismatches.map((v) => `case ${k}: ${v.entry} ${v.why}`)).toEqual([]);
      expect(report.verdicts.map((v) => v.entry)).toEqual([0, 1, 2, 3, 4, 5].map((d) => `direction[${d}]`));
    }
  });

  it.each(["times-2", "missing-logistic-derivative", "sign-flip"] as const)("fails %s", async (bug) => {
    for (const [k, request] of requests(5, SEED + 11).entries()) {
      if (bug === "missing-logistic-derivative" && !request.network.activations.includes("logistic")) continue;
      const report = await finiteDifferenceDirectional(buggyImplementation(bug), request, { dtype: "float64", rng: createRng(SEED + k) });
      expect(report.ok, `${bug}, case ${k}`).toBe(false);
    }
  });

  it("replays the same directions from the same seed", async () => {
    const [request] = requests(1, SEED + 12);
    const run = async () => (await finiteDifferenceDirectional(reference, request!, { dtype: "float64", rng: createRng(7) })).verdicts.map((v) => v.analytic);
    expect(await run()).toEqual(await run());
  });

  it("costs the same number of calls whatever the parameter count (13 vs 213 parameters)", async () => {
    const net = (layers: number[]): NetworkSpec => ({ layers, activations: layers.slice(1).map(() => "tanh" as const), cost: "squared_error" });
    const calls: number[] = [];
    for (const layers of [[2, 3, 1], [6, 10, 10, 3]]) {
      const c = randomCase(createRng(SEED), net(layers), 3);
      const { impl, calls: made } = counted(reference);
      const report = await finiteDifferenceDirectional(impl, c, { dtype: "float64", rng: createRng(SEED), directions: 4, kinkProbe: "implementation" });
      expect(report.calls).toBe(made());
      calls.push(made());
    }
    expect(calls[0]).toBe(1 + 2 * (1 + 4 * 6)); // gradients at θ; forward + gradients at θ and at 6 points per direction
    expect(calls[1]).toBe(calls[0]);
  });
});
