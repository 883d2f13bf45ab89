import { describe, expect, it } from "vitest";
import { fixtureChecks } from "../../src/checks/fixtureChecks.ts";
import { unmetNeeds } from "../../src/harness/index.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { runCheck, tamper } from "./runCheck.ts";

const checks = fixtureChecks();
const byId = (id: string) => checks.find((c) => c.id === id)!;

describe("fixture checks", () => {
  it("cover the worked example, every random case three ways, and the trajectory, with unique ids", () => {
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("fixture/worked-example/gradients/y=0");
    expect(ids).toContain("fixture/sgd-trajectory/train");
    expect(ids.filter((id) => id.startsWith("fixture/random-cases/")).length).toBeGreaterThanOrEqual(150);
    expect(ids.some((id) => id.includes("#"))).toBe(false);
  });

  it.each([
    ["the reference", reference],
    ["a simulated float32 implementation", textbookImplementation({ arithmetic: "float32" })],
  ])("all pass on %s (those its hello offers: the textbook declares no optimizers)", async (_, impl) => {
    const hello = await impl.hello();
    const outcomes = await Promise.all(checks.filter((c) => unmetNeeds(c.needs, hello) === undefined).map((c) => runCheck(c, impl)));
    expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
  });

  it("fail the cost derivative without its 2, on the worked example, entry by entry", async () => {
    const halved = tamper(reference, "gradients", (answer) => ({ ...answer, grads: answer.grads.map((g) => ({ W: g.W.map((r) => r.map((x) => x / 2)), b: g.b.map((x) => x / 2) })) }));
    const outcome = await runCheck(byId("fixture/worked-example/gradients/y=0"), halved);
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.entries?.map((e) => e.entry).sort()).toEqual(
      ["W1[0][0]", "W1[0][1]", "W1[0][2]", "W1[1][0]", "W1[1][1]", "W1[1][2]", "W1[2][0]", "W1[2][1]", "W1[2][2]", "W2[0][0]", "W2[0][1]", "W2[0][2]", "b1[0]", "b1[1]", "b1[2]", "b2[0]"].sort(),
    );
  });

  it("fail a train that repeats one sample, naming the chunk", async () => {
    const repeating = { ...reference, train: async (r: Parameters<typeof reference.train>[0]) => reference.train({ ...r, order: [r.order[0]!, ...r.order.slice(0, -1)] }) };
    const outcome = await runCheck(byId("fixture/sgd-trajectory/train"), repeating);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/case 0 \(steps 0–24\)/);
  });
});
