/** `nncheck run --jobs N`: its parsing, and a run over worker threads reporting what a run on the main thread reports. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jobsOption } from "../../src/cli/parseOptions.ts";
import { shellCommand, type RunReport } from "../../src/harness/index.ts";
import { FAKE, waitUntilGone } from "../protocol/helpers.ts";
import { runMain } from "./runInProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-jobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const readReport = (name: string) => JSON.parse(readFileSync(path(name), "utf8")) as RunReport;
/** `report` without its times (the only part that may differ between runs of different --jobs). */
const timeless = (report: RunReport) => ({ ...report, durationMs: 0, checks: report.checks.map((c) => ({ ...c, durationMs: 0 })) });

describe("--jobs N", () => {
  for (const bad of ["0", "-2", "1.5", "two", ""]) {
    it(`--jobs "${bad}" is a usage error naming the value, exit 2`, async () => {
      expect(await runMain(["run", "--jobs", bad, "--only", "oracle/forward/3-3-1"])).toEqual({
        code: 2, out: "", err: `nncheck run: --jobs must be an integer ≥ 1, got "${bad}" (run 'nncheck run --help')`,
      });
    });
  }

  it("defaults to NNCHECK_JOBS, else the cores; a bad NNCHECK_JOBS is a usage error naming it", () => {
    expect(jobsOption(undefined, {}, 6)).toBe(6);
    expect(jobsOption(undefined, { NNCHECK_JOBS: "3" }, 6)).toBe(3);
    expect(jobsOption("2", { NNCHECK_JOBS: "3" }, 6)).toBe(2);
    expect(() => jobsOption(undefined, { NNCHECK_JOBS: "many" }, 6)).toThrow('NNCHECK_JOBS (the default of --jobs) must be an integer ≥ 1, got "many"');
  });
});

describe("nncheck run --jobs 2", () => {
  it("reports exactly what --jobs 1 reports, times apart: same checks, order, outcomes, seeds and details", async () => {
    const only = ["--only", "oracle/gradients/*", "--only", "fixture/worked-example", "--only", "property/relu/idempotent", "--runs", "20"];
    const [one, two] = await Promise.all([
      runMain(["run", ...only, "--jobs", "1", "--reporter", `json:${path("one.json")}`]),
      runMain(["run", ...only, "--jobs", "2", "--reporter", `json:${path("two.json")}`]),
    ]);
    expect([one.code, two.code], two.err).toEqual([0, 0]);
    const [a, b] = [readReport("one.json"), readReport("two.json")];
    expect(a.checks.length).toBe(10);
    expect(timeless(b)).toEqual(timeless(a));
  });

  it("builds the checks on a --network shape in every worker as on the main thread", async () => {
    const only = ["--network", "5-7-2:tanh,identity:squared_error", "--only", "oracle/gradients/5-7-2", "--only", "oracle/step/batch/5-7-2", "--only", "fd/full/5-7-2", "--runs", "5"];
    const [one, two] = await Promise.all([
      runMain(["run", ...only, "--jobs", "1", "--reporter", `json:${path("net1.json")}`]),
      runMain(["run", ...only, "--jobs", "2", "--reporter", `json:${path("net2.json")}`]),
    ]);
    expect([one.code, two.code], two.err).toEqual([0, 0]);
    const [a, b] = [readReport("net1.json"), readReport("net2.json")];
    expect(a.checks.map((c) => c.id)).toEqual(expect.arrayContaining(["oracle/gradients/5-7-2", "oracle/step/batch/5-7-2", "fd/full/5-7-2"]));
    expect(a.checks.filter((c) => c.status !== "passed")).toEqual([]);
    expect(timeless(b)).toEqual(timeless(a));
  });

  it("gives a protocol implementation one process per worker, and leaves none running", async () => {
    const log = path("pids.log");
    const impl = shellCommand(["env", `NNCHECK_FAKE_PID_LOG=${log}`, "node", FAKE, "good"]);
    const run = await runMain(["run", "--impl", impl, "--jobs", "2", "--only", "oracle/forward/3-3-1", "--only", "oracle/forward/2-5-1", "--only", "oracle/forward/4-3-2", "--runs", "5"]);
    expect(run.code).toBe(1); // the fake answers zeros: a wrong forward pass
    const pids = readFileSync(log, "utf8").trim().split("\n").map(Number);
    expect(new Set(pids).size).toBe(2);
    for (const pid of pids) expect(await waitUntilGone(pid)).toBe(true);
  });
});
