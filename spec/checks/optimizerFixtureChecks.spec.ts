import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureChecks } from "../../src/checks/fixtureChecks.ts";
import { FIXTURE_KINDS, fixturePath, type OptimizerTrajectoriesFixture } from "../../src/fixtures/index.ts";
import { reference } from "../../src/reference/index.ts";
import { optimizerMutant } from "../support/optimizerMutants.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { withTextbookOptimizers } from "../support/textbookOptimizer.ts";
import { runCheck } from "./runCheck.ts";

const ids = ["sgd-momentum", "sgd-nesterov-weight-decay", "adam", "adamw"].map((n) => `fixture/optimizer-trajectories/${n}`);
const checks = fixtureChecks().filter((c) => ids.includes(c.id));

/** A copy of the fixtures folder with one stored digit of the adam trajectory changed (v of W2[0][1] after step 6). */
const dir = mkdtempSync(join(tmpdir(), "nncheck-optimizer-fixture-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const kind of FIXTURE_KINDS) copyFileSync(fixturePath(kind), fixturePath(kind, dir));
const file = fixturePath("optimizer-trajectories", dir);
const data = JSON.parse(readFileSync(file, "utf8")) as { trajectories: { name: string; steps: { state: { v: { W: string[][] }[] } }[] }[] };
const stored = data.trajectories.find((t) => t.name === "adam")!.steps[6]!.state.v[1]!.W[0]!;
const at = stored[1]!.search(/[1-9]/) + 6; // the 7th significant digit
stored[1] = stored[1]!.slice(0, at) + String((Number(stored[1]![at]) + 1) % 10) + stored[1]!.slice(at + 1);
writeFileSync(file, JSON.stringify(data));

describe("fixture/optimizer-trajectories/<name>", () => {
  it("are one check per trajectory of the file, each needing its optimizer", () => {
    expect(checks.map((c) => c.id)).toEqual(ids);
    expect(checks.map((c) => c.needs.optimizers)).toEqual([["sgd"], ["sgd"], ["adam"], ["adamw"]]);
    const fixture = JSON.parse(readFileSync(fixturePath("optimizer-trajectories"), "utf8")) as OptimizerTrajectoriesFixture;
    expect(fixture.trajectories.map((t) => `fixture/optimizer-trajectories/${t.name}`)).toEqual(ids);
    expect(fixture.trajectories.every((t) => t.steps.length === 10)).toBe(true);
  });

  it("pass on the reference and on a textbook update in simulated float32", async () => {
    const float32 = withTextbookOptimizers(textbookImplementation({ arithmetic: "float32" }), Math.fround);
    for (const impl of [reference, float32]) {
      const outcomes = await Promise.all(checks.map((c) => runCheck(c, impl)));
      expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
    }
  });

  it("fail an Adam without bias correction, and a step answering the state it was given", async () => {
    expect((await runCheck(checks[2]!, optimizerMutant("no-bias-correction"))).status).toBe("failed");
    const outcome = await runCheck(checks[0]!, optimizerMutant("state-passthrough"));
    expect(outcome.message).toMatch(/^step and train: \d+ of 11 cases disagree with the fixture's exact values; case 1 \(step 1 alone\): .*\(momentumBuffer of [Wb]\d\[/);
  });

  it("compare with the values the file stores: one changed digit of a stored v fails the reference there", async () => {
    const check = fixtureChecks(dir).find((c) => c.id === "fixture/optimizer-trajectories/adam")!;
    const outcome = await runCheck(check, reference);
    expect(outcome.status).toBe("failed");
    expect(outcome.details?.entries?.map((e) => e.entry)).toContain("v of W2[0][1]");
  });
});
