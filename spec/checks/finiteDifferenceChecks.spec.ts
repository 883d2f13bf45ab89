import { describe, expect, it } from "vitest";
import { finiteDifferenceCases, finiteDifferenceChecks } from "../../src/checks/finiteDifferenceChecks.ts";
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import { createRng } from "../../src/random/rng.ts";
import { forward, reference } from "../../src/reference/index.ts";
import { buggyImplementation } from "../finiteDifference/support/buggyImplementation.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { allChecks } from "../../src/checks/index.ts";
import { runCheck, tamper } from "./runCheck.ts";

const checks = finiteDifferenceChecks();
const byId = (id: string) => checks.find((c) => c.id === id)!;

describe("finite-difference checks", () => {
  it("are fd/full/<shape> and fd/directional/<shape> on the seed's three shapes and the three classifier shapes, needing only gradients", () => {
    const shapes = ["3-3-1", "2-5-1", "3-4-3-1", "3-3-1-bce", "4-5-3-ce", "2-4-4-2"];
    expect(checks.map((c) => c.id)).toEqual(["full", "directional"].flatMap((mode) => shapes.map((s) => `fd/${mode}/${s}`)));
    expect(checks.every((c) => c.needs.methods.join() === "gradients" && c.needs.networks?.length === 1)).toBe(true);
  });

  it.each([
    ["the reference", reference],
    ["an independent float64 implementation", textbookImplementation({ arithmetic: "float64" })],
    ["a simulated float32 implementation declaring float32", textbookImplementation({ arithmetic: "float32" })],
  ])("all pass on %s", async (_, impl) => {
    const outcomes = await Promise.all(checks.map((c) => runCheck(c, impl, 60)));
    expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
  });

  it("drive ReLU units onto their kinks (z = 0 for a sample, a hair off, dead units) and report them as not judged", async () => {
    const network = byId("fd/full/3-3-1").needs.networks![0]!;
    const cases = finiteDifferenceCases(createRng(3), network, 5, false);
    expect(cases.map((c) => c.kind)).toEqual(["single", "kink", "dead-unit", "near-kink", "single"]);
    expect(cases.every((c) => c.request.inputs.length === 1)).toBe(true);
    const batches = finiteDifferenceCases(createRng(3), network, 4, true);
    expect(batches.map((c) => c.kind)).toEqual(["batch", "kink", "dead-unit", "near-kink"]);
    expect(batches.every((c) => c.request.inputs.length >= 2)).toBe(true);
    const kink = cases[1]!.request;
    const z = forward(kink.network, kink.params, kink.inputs)[0]!.z.flat();
    expect(Math.min(...z.map(Math.abs))).toBeLessThan(1e-15);
    const outcome = await runCheck(byId("fd/full/3-3-1"), reference, 125);
    expect(outcome.status).toBe("passed");
    expect(outcome.details?.["atKink"]).toBeGreaterThan(0);
    expect(outcome.message).toMatch(/\d+ entries in 5 cases agree with finite differences \(\d+ at kinks, not judged; \d+ calls\)/);
  });

  it("fail a doubled gradient, naming entries with analytic, numeric and error estimate, a hint and the replay", async () => {
    const outcome = await runCheck(byId("fd/full/2-5-1"), buggyImplementation("times-2"), 40, 5);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/case 0 \(single\): \d+ of 21 entries \((W|b)\d\[\d+\](\[\d+\])?: analytic -?[\d.]+, numeric -?[\d.]+ ± /);
    const [first] = outcome.details!.entries!;
    expect(first!.actual / first!.expected).toBeCloseTo(2, 6);
    expect(first!.ok).toBe(false);
    expect(first!.why).toMatch(/^numeric .* ± .*: 4 × numeric error/);
    expect(outcome.details?.hints?.[0]?.kind).toBe("factor-2");
    expect(outcome.details?.replay).toBe("npx nncheck run --seed 5 --only fd/full/2-5-1");
  });

  it("fail a sign flip and a missing logistic derivative in directional mode too", async () => {
    const flipped = await runCheck(byId("fd/directional/2-5-1"), buggyImplementation("sign-flip"));
    expect(flipped.status).toBe("failed");
    expect(flipped.details?.entries?.[0]?.entry).toMatch(/^direction\[\d\]$/);
    expect((await runCheck(byId("fd/directional/3-4-3-1"), buggyImplementation("missing-logistic-derivative"))).status).toBe("failed");
  });

  it("use the reference's ReLU pattern, and call no forward, when the implementation offers none", async () => {
    let forwardCalls = 0;
    const noForward: Implementation = {
      ...reference,
      hello: async () => ({ ...(await reference.hello()), methods: ["gradients"] }),
      forward: async (r) => (forwardCalls++, reference.forward(r)),
    };
    expect((await runCheck(byId("fd/full/3-3-1"), noForward, 100)).status).toBe("passed");
    expect(forwardCalls).toBe(0);
  });

  it("let an unsupported method's error through (the runner maps it to skipped)", async () => {
    const unsupported: Implementation = { ...reference, gradients: async () => { throw new ImplementationError("unsupported", "no gradients here"); } };
    await expect(runCheck(byId("fd/directional/3-3-1"), unsupported)).rejects.toThrow(/no gradients here/);
  });
});

describe("one name per bug: the finite-difference and oracle checks give a factor the same hint kind", () => {
  const scaled = (k: number) => tamper(reference, "gradients", (answer) => ({ ...answer, grads: answer.grads.map((g) => ({ W: g.W.map((r) => r.map((x) => k * x)), b: g.b.map((x) => k * x) })) }));
  it.each([[0.5, "factor-half"], [2, "factor-2"]] as const)("gradients × %s → %s from both", async (k, kind) => {
    const fd = await runCheck(byId("fd/full/3-3-1"), scaled(k));
    const oracleCheck = await runCheck(allChecks().find((c) => c.id === "oracle/gradients/3-3-1")!, scaled(k));
    expect([fd.status, oracleCheck.status]).toEqual(["failed", "failed"]);
    expect(fd.details?.hints?.map((h) => h.kind)).toEqual([kind]);
    expect(oracleCheck.details?.hints?.map((h) => h.kind)).toContain(kind);
  });
});
