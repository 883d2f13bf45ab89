import { describe, expect, it } from "vitest";
import { oracleChecks } from "../../src/checks/oracleChecks.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { runCheck, tamper } from "./runCheck.ts";

// the optimizer checks (oracle/<step|train>/<cfg>/<shape>) have their own spec, optimizerChecks.spec.ts
const checks = oracleChecks().filter((c) => c.needs.optimizers === undefined);
const byId = (id: string) => checks.find((c) => c.id === id)!;

describe("oracle checks", () => {
  it("have unique ids: forward, gradients and step (single samples and batches) and train on the seed's four shapes, per reduction on the classifier shapes, and their saturated cases apart", () => {
    const seed = ["3-3-1", "2-5-1", "4-3-2", "3-4-3-1"], classifiers = ["3-3-1-bce", "4-5-3-ce", "2-4-4-2"], reductions = ["mean", "sum", "mean_all"];
    const expected = [
      ...["forward", "gradients", "step", "train"].flatMap((m) => seed.flatMap((s) => (m === "train" ? [`oracle/${m}/${s}`] : [`oracle/${m}/${s}`, `oracle/${m}/batch/${s}`]))),
      ...classifiers.flatMap((s) => [`oracle/forward/${s}`, `oracle/forward/batch/${s}`]),
      ...["gradients", "step"].flatMap((m) => classifiers.flatMap((s) => ["", "batch/"].flatMap((b) => reductions.map((r) => `oracle/${m}/${b}${s}/${r}`)))),
      ...classifiers.flatMap((s) => reductions.map((r) => `oracle/train/${s}/${r}`)),
      ...["forward", "gradients", "step"].flatMap((m) => classifiers.map((s) => `oracle/${m}/saturated/${s}`)),
    ];
    expect([...checks.map((c) => c.id)].sort()).toEqual([...expected].sort());
    expect(new Set(checks.map((c) => c.id)).size).toBe(88);
  });

  it.each([
    ["the reference", reference],
    ["an independent float64 implementation", textbookImplementation({ arithmetic: "float64" })],
    ["a simulated float32 implementation declaring float32", textbookImplementation({ arithmetic: "float32" })],
  ])("all pass on %s", async (_, impl) => {
    const outcomes = await Promise.all(checks.map((c) => runCheck(c, impl)));
    expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
  });

  it("fail float32 arithmetic that declares float64, naming entries", async () => {
    const outcome = await runCheck(byId("oracle/gradients/3-3-1"), textbookImplementation({ arithmetic: "float32", declaredDtype: "float64" }));
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/entries wrong \((cost|W|b)/);
    expect(outcome.details?.entries?.length).toBeGreaterThan(0);
    expect(outcome.details?.replay).toBe("npx nncheck run --seed 1 --only oracle/gradients/3-3-1");
  });

  it("fail a bias gradient summed over the batch, only on batch cases", async () => {
    const summed = tamper(reference, "gradients", (answer, request) => ({
      ...answer,
      grads: answer.grads.map((g) => ({ ...g, b: g.b.map((x) => x * request.inputs.length) })),
    }));
    expect((await runCheck(byId("oracle/gradients/2-5-1"), summed)).status).toBe("passed");
    const outcome = await runCheck(byId("oracle/gradients/batch/2-5-1"), summed);
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.hints?.map((h) => h.kind)).toContain("bias-batch-sum");
    const failing = outcome.details?.entries ?? [];
    expect(failing.every((e) => /^b\d\[/.test(e.entry))).toBe(true);
  });

  it("fail a train that skips its first sample, and a step that ascends", async () => {
    const skipFirst = { ...reference, train: async (r: Parameters<typeof reference.train>[0]) => reference.train({ ...r, order: r.order.slice(1) }) };
    expect((await runCheck(byId("oracle/train/3-3-1"), skipFirst)).status).toBe("failed");
    const ascending = { ...reference, step: async (r: Parameters<typeof reference.step>[0]) => reference.step({ ...r, learningRate: -r.learningRate }) };
    expect((await runCheck(byId("oracle/step/3-3-1"), ascending)).status).toBe("failed");
  });

  it("catch a ReLU′(0) = 1 convention on the dead-unit case", async () => {
    // A unit whose weights and bias are 0 has z = 0 exactly: with ReLU′(0) = 1 its bias gradient is dC/da, not 0.
    const wrongAtZero = tamper(reference, "gradients", (answer, request) => {
      const { gradients } = textbookGradientsWithReluAtZero(request);
      return { ...answer, grads: gradients };
    });
    const outcome = await runCheck(byId("oracle/gradients/3-3-1"), wrongAtZero);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/dead-unit/);
  });
});

/** Backprop for relu/logistic 3-3-1 with ReLU′(0) = 1 (the wrong convention), in plain loops. */
function textbookGradientsWithReluAtZero(request: Parameters<typeof reference.gradients>[0]) {
  const [l1, l2] = request.params as [typeof request.params[0], typeof request.params[0]];
  const n = request.inputs.length;
  const gW1 = l1.W.map((r) => r.map(() => 0)), gb1 = l1.b.map(() => 0);
  const gW2 = l2.W.map((r) => r.map(() => 0)), gb2 = l2.b.map(() => 0);
  request.inputs.forEach((x, s) => {
    const z1 = l1.W.map((row, i) => row.reduce((acc, w, j) => acc + w * x[j]!, l1.b[i]!));
    const a1 = z1.map((z) => Math.max(z, 0));
    const z2 = l2.W.map((row, i) => row.reduce((acc, w, j) => acc + w * a1[j]!, l2.b[i]!));
    const a2 = z2.map((z) => 1 / (1 + Math.exp(-z)));
    const d2 = a2.map((a, k) => ((2 * (a - request.targets[s]![k]!)) / n) * a * (1 - a));
    d2.forEach((d, k) => { gb2[k]! += d; a1.forEach((a, j) => (gW2[k]![j]! += d * a)); });
    const d1 = z1.map((z, i) => (z >= 0 ? 1 : 0) * d2.reduce((acc, d, k) => acc + d * l2.W[k]![i]!, 0));
    d1.forEach((d, i) => { gb1[i]! += d; x.forEach((xj, j) => (gW1[i]![j]! += d * xj)); });
  });
  return { gradients: [{ W: gW1, b: gb1 }, { W: gW2, b: gb2 }] };
}
