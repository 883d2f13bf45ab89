import { describe, expect, it } from "vitest";
import { activationChecks } from "../../src/checks/activationChecks.ts";
import type { EntryResult } from "../../src/gradcheck/index.ts";
import { reference } from "../../src/reference/index.ts";
import seedPort from "../../examples/seed-port/seedPort.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { runCheck } from "./runCheck.ts";

const checks = activationChecks();
const byId = (id: string) => checks.find((c) => c.id === id)!;

describe("activation checks", () => {
  it("are one audit per activation, each needing just that activation", () => {
    expect(checks.map((c) => [c.id, c.needs])).toEqual(
      ["relu", "logistic", "tanh", "identity", "leaky_relu", "softplus", "silu", "softmax"].map((name) => [`activation/${name}/audit`, { methods: ["activation"], activations: [name] }]),
    );
  });

  it.each([
    ["the reference", reference],
    ["a simulated float32 implementation declaring float32", textbookImplementation({ arithmetic: "float32" })],
  ])("all pass on %s", async (_, impl) => {
    const outcomes = await Promise.all(checks.map((c) => runCheck(c, impl)));
    expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
  });

  it("pass float32's σ′ while reporting the range where it lost its ulps", async () => {
    const outcome = await runCheck(byId("activation/logistic/audit"), textbookImplementation({ arithmetic: "float32" }));
    expect(outcome.status).toBe("passed");
    expect(outcome.message).toMatch(/accuracy lost \(reported, not failed\): logistic′ on /);
    const ranges = (outcome.details?.["lossyRanges"] as { derivative: { from: number; to: number; text: string }[] }).derivative;
    expect(ranges.some((r) => r.from < 20 && r.to > 30)).toBe(true);
  });

  it("fail the seed's published d_logistic, naming the NaN inputs, with a replay command and entries", async () => {
    const outcome = await runCheck(byId("activation/logistic/audit"), seedPort);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/^logistic: logistic′\(x\) is not finite at \d+ inputs in \[-1000, -710\]/);
    expect(outcome.details?.replay).toBe("npx nncheck run --seed 1 --only activation/logistic/audit");
    const entries = outcome.details?.entries as EntryResult[];
    expect(entries[0]).toMatchObject({ entry: "logistic′(-1000)", ok: false });
    expect(Number.isNaN(entries[0]!.actual)).toBe(true);
    const nonFinite = outcome.details?.["nonFinite"] as { derivative: { count: number; from: number; to: number } };
    expect(nonFinite.derivative).toMatchObject({ from: -1000, to: -710 });
  });

  it("fail ReLU′(0) = 1 with per-entry rows for ±0", async () => {
    const geq = { ...reference, activation: async (r: { name: "relu"; x: readonly number[] }) => ({ value: r.x.map((x) => (x > 0 ? x : 0)), derivative: r.x.map((x) => (x >= 0 ? 1 : 0)) }) };
    const outcome = await runCheck(byId("activation/relu/audit"), geq as typeof reference);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/ReLU′\(0\) = 1: nncheck's convention is ReLU′\(0\) = 0/);
    expect((outcome.details?.entries as EntryResult[]).map((e) => e.entry)).toEqual(["relu′(-0)", "relu′(0)"]);
  });
});
