/** The worker pool behind `--jobs`: what a crash in a worker, or of its implementation, becomes (through the CLI, in-process). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { shellCommand, type RunReport } from "../../../src/harness/index.ts";
import { REPO_ROOT } from "../../cli/runCli.ts";
import { runMain } from "../../cli/runInProcess.ts";
import { FAKE, waitUntilGone } from "../../protocol/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-pool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);
const readReport = (name: string) => JSON.parse(readFileSync(path(name), "utf8")) as RunReport;
const statusOf = (report: RunReport, id: string) => report.checks.find((c) => c.id === id);

describe("nncheck run --jobs 2, when something crashes", () => {
  it("errors the checks of an implementation that crashes, and leaves none of its processes running", async () => {
    const log = path("crash-pids.log");
    const impl = shellCommand(["env", `NNCHECK_FAKE_PID_LOG=${log}`, "node", FAKE, "crash-on-train"]);
    const run = await runMain(["run", "--impl", impl, "--jobs", "2", "--only", "oracle/train/3-3-1", "--only", "oracle/forward/3-3-1", "--reporter", `json:${path("crash.json")}`]);
    expect(run.code).toBe(1);
    const report = readReport("crash.json");
    expect(statusOf(report, "oracle/train/3-3-1")).toMatchObject({ status: "errored", details: { failure: "crash" } });
    expect(statusOf(report, "oracle/forward/3-3-1")?.status).toBe("failed");
    const pids = readFileSync(log, "utf8").trim().split("\n").map(Number);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    for (const pid of pids) expect(await waitUntilGone(pid)).toBe(true);
  });

  it("errors the check whose worker thread ends under it (a module calling process.exit), and runs the others", async () => {
    const example = pathToFileURL(join(REPO_ROOT, "examples/js/network.js")).href;
    const module = path("exits.mjs");
    writeFileSync(module, `import example from ${JSON.stringify(example)};\nexport default { ...example, async gradients() { process.exit(7); } };\n`);
    const ids = ["oracle/forward/3-3-1", "oracle/gradients/3-3-1", "oracle/forward/2-5-1", "oracle/step/3-3-1"];
    const run = await runMain(["run", "--module", module, "--jobs", "2", ...ids.flatMap((id) => ["--only", id]), "--runs", "5", "--reporter", `json:${path("exits.json")}`]);
    expect(run.code).toBe(1);
    const report = readReport("exits.json");
    expect(statusOf(report, "oracle/gradients/3-3-1")).toMatchObject({ status: "errored", message: "the worker thread running this check ended: exit code 7", details: { failure: "crash" } });
    for (const id of ["oracle/forward/3-3-1", "oracle/forward/2-5-1", "oracle/step/3-3-1"]) expect(statusOf(report, id)?.status, id).toBe("passed");
  });
});
