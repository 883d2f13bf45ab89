import { describe, expect, it } from "vitest";
import { plainNetwork, type Mutation } from "../../examples/mutants/plainNetwork.ts";
import { property, runProperty } from "./runProperty.ts";

interface CaseLike {
  readonly inputs: readonly unknown[];
  readonly params: readonly { readonly W: readonly (readonly unknown[])[] }[];
}

async function counterexample(mutation: Mutation, id: string): Promise<unknown> {
  const outcome = await runProperty(property(id), plainNetwork(mutation), { runs: 40, seed: 5 });
  expect(outcome.status, outcome.message).toBe("failed");
  return outcome.details?.counterexample;
}

describe("counterexamples shrink to small cases", () => {
  it("a leaky ReLU breaks idempotence on one negative input", async () => {
    const x = (await counterexample("leaky-relu", "property/relu/idempotent")) as number[];
    expect(x).toHaveLength(1);
    expect(x[0]).toBeLessThan(0);
  });

  it("σ′ = 1 breaks the derivative identity on a single input", async () => {
    expect(await counterexample("logistic-derivative-missing", "property/logistic/derivative-identity")).toHaveLength(1);
  });

  it("a gradient off by 1e-6 in one entry shows on one sample", async () => {
    const c = (await counterexample("gradient-off-1e-6", "property/gradients/oracle")) as CaseLike;
    expect(c.inputs).toHaveLength(1);
  });

  it("a summed bias gradient breaks the batch mean with two samples (the fewest it needs)", async () => {
    const { inputs } = (await counterexample("bias-gradient-summed", "property/gradients/batch-mean")) as CaseLike;
    expect(inputs).toHaveLength(2);
  });

  it("the first sample's ReLU mask breaks order invariance with two samples", async () => {
    const { c } = (await counterexample("relu-mask-first-sample", "property/gradients/order-invariant")) as { c: CaseLike };
    expect(c.inputs).toHaveLength(2);
  });

  it("a step that ascends breaks step = θ − L·g on one sample", async () => {
    expect(((await counterexample("step-ascends", "property/step/own-gradient")) as CaseLike).inputs).toHaveLength(1);
  });

  it("a train that skips its last sample breaks the fold with the shortest order (2 steps) on one sample", async () => {
    const { c, picks } = (await counterexample("train-skips-last", "property/train/fold")) as { c: CaseLike; picks: number[] };
    expect(picks).toHaveLength(2);
    expect(c.inputs).toHaveLength(1);
  });

  it("a cost that is not squared goes negative on one sample, with most parameters shrunk to 0", async () => {
    const c = (await counterexample("cost-not-squared", "property/cost/nonnegative")) as CaseLike;
    expect(c.inputs).toHaveLength(1);
    const weights = c.params.flatMap((p) => p.W.flat());
    expect(weights.filter((w) => w === 0).length).toBeGreaterThanOrEqual(weights.length / 2);
  });
});
