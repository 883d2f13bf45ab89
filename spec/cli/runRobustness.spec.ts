// `nncheck run --impl` against the protocol's misbehaving fakes (spec/protocol/fakes/fake.mjs): every case must
// end with the right exit code and message, within its time bound. The fakes answer zeros (wrong, but well-formed)
// unless their mode says otherwise. The two exit codes 1 and 2 go through the real `nncheck` process; the other
// cases run the same CLI in-process (saving a second of start-up each) against real fake processes.
import { describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { FAKE } from "../protocol/helpers.ts";
import { runCli, STACK_LINE } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

interface JsonCheck { id: string; status: string; message: string; details?: { stderr?: string; entries?: { actual: unknown }[] } }
interface JsonReport { durationMs: number; checks: JsonCheck[] }

const TWO = ["--only", "oracle/forward/3-3-1", "--only", "oracle/train/3-3-1"];

/**
 * Runs nncheck (spawned, or in-process) against the fake in `mode` with a JSON report on stdout; returns the
 * report with the exit code and the time taken.
 */
async function runFake(mode: string, args: readonly string[], spawned = false): Promise<{ code: number | null; stderr: string; report: JsonReport; ms: number }> {
  const start = performance.now();
  const argv = ["run", "--impl", shellCommand(["node", FAKE, mode]), "--reporter", "json", ...args];
  const run = spawned ? await runCli(argv) : await runMain(argv).then(({ code, out, err }) => ({ code, stdout: out, stderr: err }));
  const ms = performance.now() - start;
  let report: JsonReport;
  try {
    report = JSON.parse(run.stdout) as JsonReport;
  } catch {
    throw new Error(`no JSON report (exit ${run.code}): ${run.stdout.slice(0, 500)}\n${run.stderr.slice(0, 500)}`);
  }
  return { code: run.code, stderr: run.stderr, report, ms };
}

const statuses = (report: JsonReport) => report.checks.map((c) => `${c.id} ${c.status}`);

describe("nncheck run against misbehaving implementations", () => {
  it.concurrent("crash at start → exit 2 with the exit code and stderr, no report", async () => {
    const start = performance.now();
    const run = await runCli(["run", "--impl", shellCommand(["node", FAKE, "crash-at-start"]), ...TWO]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nncheck run: ".*crash-at-start" did not start: it exited with code 1; the end of its stderr:\nfake: cannot import numpy\n$/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe("");
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it.concurrent("crash mid-run → the checks it hit are errored with the exit code and stderr tail; exit 1", async () => {
    const { code, report, ms } = await runFake("crash-on-train", TWO, true);
    expect(code).toBe(1);
    expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 errored"]);
    const train = report.checks[1]!;
    expect(train.message).toMatch(/^request #\d+ \(train\) failed: the implementation exited with code 3 \(its stderr is shown below\)$/);
    expect(train.details?.stderr).toBe("Traceback (most recent call last):\nZeroDivisionError: float division by zero");
    expect(ms).toBeLessThan(15_000);
  });

  it.concurrent("hang → errored after --timeout-ms; after a few timeouts the rest are errored at once", async () => {
    const { code, report, ms } = await runFake("hang", ["--only", "oracle", "--timeout-ms", "300"]);
    expect(code).toBe(1);
    // the fake's hello offers the seed's costs and activations only: the classifier shapes' checks are skipped
    const ran = report.checks.filter((c) => c.status !== "skipped");
    expect(ran).toHaveLength(28);
    expect(ran.every((c) => c.status === "errored")).toBe(true);
    const timedOut = ran.filter((c) => /timed out after 300 ms; the implementation was killed/.test(c.message));
    expect(timedOut.length).toBeGreaterThanOrEqual(1);
    expect(timedOut.length).toBeLessThanOrEqual(3); // the client gives up after 3 failures in a row
    expect(ran.every((c) => /timed out after 300 ms|unresponsive/.test(c.message))).toBe(true);
    // A few timeouts and restarts, not 28 × 300 ms = 8.4 s (nor 28 × the default 10 s); generous for a loaded machine.
    expect(report.durationMs).toBeLessThan(6000);
    expect(ms).toBeLessThan(15_000);
  });

  it.concurrent("a garbage line on stdout → errored as a protocol error quoting it", async () => {
    const { code, report } = await runFake("garbage", TWO);
    expect(code).toBe(1);
    expect(statuses(report)).toEqual(["oracle/forward/3-3-1 errored", "oracle/train/3-3-1 errored"]);
    expect(report.checks[0]!.message).toMatch(/^request #\d+ \(forward\) failed: protocol error: stdout line is not JSON: "this is not json \{"/);
  });

  it.concurrent("an answer with the wrong id → errored as a protocol error", async () => {
    const { code, report } = await runFake("wrong-id", TWO);
    expect(code).toBe(1);
    expect(report.checks.every((c) => c.status === "errored" && /protocol error: response .* has id \d+, which matches no request in flight/.test(c.message))).toBe(true);
  });

  it.concurrent("an answer of the wrong shape → failed with the shape message", async () => {
    const { code, report } = await runFake("wrong-shape", ["--only", "oracle/forward/3-3-1"]);
    expect(code).toBe(1);
    expect(report.checks[0]!.status).toBe("failed");
    expect(report.checks[0]!.message).toMatch(/^forward answered a malformed result: layers\[0\]\.z(\[1\] has 2 entries, expected 3 \(units of layer 1\)| has 2 rows, expected 1 \(one per sample\))/);
  });

  it.concurrent("NaN and infinities everywhere → failed (not errored), the entries showing them", async () => {
    const { code, report } = await runFake("nan", TWO);
    expect(code).toBe(1);
    expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 failed"]);
    const actuals = report.checks.flatMap((c) => c.details?.entries ?? []).map((e) => e.actual);
    expect(actuals.length).toBeGreaterThan(0);
    expect(actuals.every((a) => a === "NaN" || a === "Infinity" || a === "-Infinity")).toBe(true);
  });

  it.concurrent("a flood of stderr → the run completes normally (zeros fail, nothing errors)", async () => {
    const { code, report, stderr, ms } = await runFake("stderr-flood", TWO);
    expect(code).toBe(1);
    expect(statuses(report)).toEqual(["oracle/forward/3-3-1 failed", "oracle/train/3-3-1 failed"]);
    expect(stderr).toBe("");
    expect(ms).toBeLessThan(15_000);
  });
});
