import { describe, expect, it } from "vitest";
import { optimizerChecks } from "../../src/checks/optimizerChecks.ts";
import { unmetNeeds } from "../../src/harness/index.ts";
import { reference } from "../../src/reference/index.ts";
import { optimizerMutant, OPTIMIZER_BUGS, type OptimizerBug } from "../support/optimizerMutants.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { withTextbookOptimizers } from "../support/textbookOptimizer.ts";
import { runCheck } from "./runCheck.ts";

const checks = optimizerChecks();
const byId = (id: string) => checks.find((c) => c.id === id)!;
const CONFIGS = ["sgd-momentum", "sgd-nesterov", "sgd-weight-decay", "adam", "adam-weight-decay", "adamw"];

describe("optimizer checks", () => {
  it("are oracle/<step|train>/<cfg>/<shape> for six configurations on 3-3-1 and 4-5-3-ce, each needing its optimizer", () => {
    expect(checks.map((c) => c.id)).toEqual(["step", "train"].flatMap((m) => CONFIGS.flatMap((cfg) => ["3-3-1", "4-5-3-ce"].map((s) => `oracle/${m}/${cfg}/${s}`))));
    expect(checks.map((c) => c.needs.optimizers)).toEqual(["step", "train"].flatMap(() => CONFIGS.flatMap((cfg) => [0, 1].map(() => [cfg.startsWith("sgd") ? "sgd" : cfg === "adamw" ? "adamw" : "adam"]))));
  });

  it("are skipped, naming the optimizer, for a hello without optimizers or without the one needed", async () => {
    const { optimizers: _, ...today } = await reference.hello();
    for (const c of checks) expect(unmetNeeds(c.needs, today), c.id).toMatch(/^needs optimizer "(sgd|adam|adamw)", which the implementation does not offer \(its hello lists optimizers: none, so plain SGD only\)$/);
    const sgdOnly = { ...today, optimizers: ["sgd"] };
    expect(checks.filter((c) => unmetNeeds(c.needs, sgdOnly) === undefined).map((c) => c.id)).toEqual(checks.map((c) => c.id).filter((id) => id.includes("/sgd-")));
    expect(unmetNeeds(byId("oracle/train/adamw/3-3-1").needs, sgdOnly)).toBe('needs optimizer "adamw", which the implementation does not offer (its hello lists optimizers: sgd)');
  });

  it("all pass on a textbook update in simulated float32 (m̂, v̂ explicit, β^t by products), on the seed's shape", async () => {
    // (the reference passes every one in the CLI's default run; spec/gradcheck/optimizerTolerance.spec.ts sweeps both shapes)
    const float32 = withTextbookOptimizers(textbookImplementation({ arithmetic: "float32" }), Math.fround);
    const outcomes = await Promise.all(checks.filter((c) => c.id.endsWith("/3-3-1")).map((c) => runCheck(c, float32, 24)));
    expect(outcomes.filter((o) => o.status !== "passed").map((o) => o.message)).toEqual([]);
  });

  it.each<[OptimizerBug, string]>([
    ["no-bias-correction", "oracle/step/adam/4-5-3-ce"],
    ["eps-inside-sqrt", "oracle/step/adam/3-3-1"],
    ["t-from-0", "oracle/train/adamw/3-3-1"],
    ["momentum-before-gradient", "oracle/step/sgd-momentum/3-3-1"],
    ["wd-after-momentum", "oracle/train/sgd-weight-decay/4-5-3-ce"],
    ["adamw-coupled", "oracle/step/adamw/3-3-1"],
    ["state-not-carried", "oracle/train/sgd-nesterov/3-3-1"],
    ["state-passthrough", "oracle/step/adam-weight-decay/3-3-1"],
  ])("fail the reference with %s (%s), naming entries and the replay", async (bug, id) => {
    expect(OPTIMIZER_BUGS).toContain(bug);
    const outcome = await runCheck(byId(id), optimizerMutant(bug), 24);
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/entries wrong \((((m|v|momentumBuffer) of )?(W|b)\d\[|state\.step|costs\[)/);
    expect(outcome.details?.replay).toBe(`npx nncheck run --seed 1 --only ${id}`);
  });
});
