/** `nncheck run`'s --skip rule, --shard, --require, --baseline and --fail-on, through the CLI (in-process). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { allChecks, suiteIdentity } from "../../src/checks/index.ts";
import type { RunReport } from "../../src/harness/index.ts";
import { REPO_ROOT } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-run-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const validateReport = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, "docs/schemas/report.schema.json"), "utf8")) as object);
const readReport = (name: string) => JSON.parse(readFileSync(path(name), "utf8")) as RunReport;
const exampleUrl = pathToFileURL(join(REPO_ROOT, "examples/js/network.js")).href;
const module = (name: string, body: string) => {
  writeFileSync(path(name), `import example from ${JSON.stringify(exampleUrl)};\nexport default { ...example, ${body} };\n`);
  return path(name);
};
const doubleGradients = `async gradients(r) { const { cost, grads } = await example.gradients(r); return { cost, grads: grads.map(({ W, b }) => ({ W: W.map((row) => row.map((x) => 2 * x)), b: b.map((x) => 2 * x) })) }; }`;
/** The JS example with its gradients doubled, and the same with its forward pass broken too. */
const DOUBLED = module("doubled.mjs", doubleGradients);
const WORSE = module("worse.mjs", `${doubleGradients}, async forward(r) { const a = await example.forward(r); return { layers: a.layers.map(({ z, a }) => ({ z: z.map((row) => row.map((x) => x + 1)), a })) }; }`);
const SMALL = ["--only", "oracle/gradients/3-3-1", "--only", "oracle/gradients/2-5-1", "--only", "oracle/forward/3-3-1", "--only", "oracle/forward/2-5-1", "--runs", "12"];

describe("nncheck run --skip", () => {
  it("a pattern that matches no check is a usage error, exit 2, like --only", async () => {
    expect(await runMain(["run", "--skip", "oracel/gradients"])).toMatchObject({ code: 2, out: "", err: `nncheck run: --skip "oracel/gradients" matches no check; run 'nncheck list' to see the ids` });
  });
});

describe("nncheck run --shard", () => {
  it("two shards run disjoint halves of the selection, each report naming its shard and the same suite", async () => {
    const only = ["--only", "oracle/forward", "--only", "fixture/worked-example", "--runs", "12"];
    const [whole, one, two] = await Promise.all([
      runMain(["run", ...only, "--reporter", `json:${path("whole.json")}`]),
      runMain(["run", ...only, "--shard", "1/2", "--reporter", `json:${path("shard1.json")}`]),
      runMain(["run", ...only, "--shard", "2/2", "--reporter", `json:${path("shard2.json")}`]),
    ]);
    expect([whole.code, one.code, two.code]).toEqual([0, 0, 0]);
    const [w, a, b] = ["whole.json", "shard1.json", "shard2.json"].map(readReport);
    const ids = (r: RunReport) => r.checks.map((c) => c.id);
    expect(ids(a!).filter((id) => ids(b!).includes(id))).toEqual([]);
    expect([...ids(a!), ...ids(b!)].sort()).toEqual([...ids(w!)].sort());
    expect([a!.shard, b!.shard, w!.shard]).toEqual([{ index: 1, count: 2 }, { index: 2, count: 2 }, undefined]);
    expect(a!.suite).toEqual(suiteIdentity(allChecks()));
    for (const r of [w, a, b]) expect(validateReport(r), JSON.stringify(validateReport.errors)).toBe(true);
    expect(b!.suite).toEqual(a!.suite);
  });

  it.each([["3/2"], ["x"]])("--shard %s is an error, exit 2", async (value) => {
    expect(await runMain(["run", "--shard", value])).toMatchObject({ code: 2, err: expect.stringMatching(/--shard must be i\/n/) });
  });
});

describe("nncheck run --require", () => {
  const seedPort = join(REPO_ROOT, "examples/seed-port/seedPort.ts");
  it("a required check that the implementation skips fails the run, saying why", async () => {
    const run = await runMain(["run", "--module", seedPort, "--only", "oracle/forward/3-3-1", "--only", "oracle/gradients/batch/3-3-1", "--require", "oracle/gradients/batch", "--reporter", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out) as RunReport;
    const required = report.checks.find((c) => c.id === "oracle/gradients/batch/3-3-1")!;
    expect(required).toMatchObject({ status: "failed", message: expect.stringMatching(/^required \(--require oracle\/gradients\/batch\) but skipped: /) });
    expect(report.summary).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it("without --require the same run passes (the skip is not a failure)", async () => {
    expect((await runMain(["run", "--module", seedPort, "--only", "oracle/forward/3-3-1", "--only", "oracle/gradients/batch/3-3-1"])).code).toBe(0);
  });

  it("a --require pattern that matches no check is a usage error, exit 2", async () => {
    expect(await runMain(["run", "--require", "oracle/gradient"])).toMatchObject({ code: 2, err: expect.stringContaining(`--require "oracle/gradient" matches no check`) });
  });
});

describe("nncheck run --baseline and --fail-on regressions", () => {
  it("known failures pass with --fail-on regressions; a newly failing check fails it; a fix is named as newly passing", async () => {
    expect((await runMain(["run", "--module", DOUBLED, ...SMALL, "--reporter", `json:${path("base.json")}`])).code).toBe(1);
    const base = readReport("base.json");
    expect(base.summary).toMatchObject({ failed: 2, passed: 2 });

    const same = await runMain(["run", "--module", DOUBLED, ...SMALL, "--baseline", path("base.json"), "--fail-on", "regressions"]);
    expect(same.code, same.out + same.err).toBe(0);
    expect(same.out).toMatch(/compared with the baseline .*base\.json: no change: 4 checks unchanged/);
    expect((await runMain(["run", "--module", DOUBLED, ...SMALL, "--baseline", path("base.json")])).code).toBe(1); // --fail-on failures: the known failures count

    const worse = await runMain(["run", "--module", WORSE, ...SMALL, "--baseline", path("base.json"), "--fail-on", "regressions", "--reporter", "json"]);
    expect(worse.code).toBe(1);
    const report = JSON.parse(worse.out) as RunReport;
    expect(report.baseline!.newlyFailing.map((c) => c.id)).toEqual(["oracle/forward/3-3-1", "oracle/forward/2-5-1"]);
    expect(report.baseline!.notices).toEqual([]);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);

    const fixed = await runMain(["run", "--module", join(REPO_ROOT, "examples/js/network.js"), ...SMALL, "--baseline", path("base.json"), "--fail-on", "regressions"]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("newly passing (2): oracle/gradients/3-3-1 (failed → passed), oracle/gradients/2-5-1 (failed → passed)");
  });

  it("a changed seed is named, not silently compared", async () => {
    writeFileSync(path("base-seed.json"), readFileSync(path("base.json"), "utf8").replace(/"seed": 1,/, '"seed": 9,'));
    const run = await runMain(["run", "--module", DOUBLED, ...SMALL, "--baseline", path("base-seed.json"), "--fail-on", "regressions"]);
    expect(run.out).toContain("note: the seed differs: 9 in the baseline, 1 now (the random cases differ)");
  });

  it.each([
    [["--fail-on", "regressions"], "--fail-on regressions needs --baseline <previous report.json>"],
    [["--fail-on", "everything"], `--fail-on must be "failures" or "regressions", got "everything"`],
  ])("%j is a usage error", async (args, message) => {
    expect(await runMain(["run", ...args])).toMatchObject({ code: 2, err: `nncheck run: ${message} (run 'nncheck run --help')` });
  });

  it("a baseline that is not a JSON report is an error naming it, exit 2", async () => {
    writeFileSync(path("not-a-report.json"), "[]");
    expect(await runMain(["run", "--baseline", path("not-a-report.json")])).toMatchObject({ code: 2, err: expect.stringMatching(/^nncheck run: --baseline .*not-a-report\.json: not a report written by --reporter json/) });
  });
});
