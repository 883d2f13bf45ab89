// A verdict does not depend on how busy the machine is. On a loaded machine a process is not run for stretches at a
// time: the implementation stalls with requests queued on its stdin, and nncheck stalls with answers queued on the
// pipe while its clocks fall due. This test makes both happen on purpose, without burning CPU (a blocked thread, not
// a busy loop, which would take the CPU from the rest of the test suite): a correct implementation answering after
// 5 ms that also stops dead for 400 ms whenever 2.6 s have passed since its last stop, and nncheck's own thread
// blocked for 100 ms every 900 ms, through the full suite with --timeout-ms 2000: no errored check. Every check
// runs, at --runs 5: the finite-difference checks, which queue thousands of requests at once, send about as many at
// 5 as at the default 100 (8,322 requests in all). A stop of 400 ms is far longer than a loaded scheduler's turns.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { shellCommand } from "../../src/harness/index.ts";
import { runMain } from "./runInProcess.ts";

const DELAYED = fileURLToPath(new URL("../protocol/fakes/delayedReference.ts", import.meta.url));
const IMPLEMENTATION_STALL_MS = 400, IMPLEMENTATION_RUNS_MS = 2600;
const HARNESS_STALL_MS = 100, HARNESS_RUNS_MS = 800;

/** Blocks this thread for `stallMs` every `stallMs + runsMs`, until stopped; returns how often it did. */
function stallThisThread(stallMs: number, runsMs: number): () => number {
  const blocker = new Int32Array(new SharedArrayBuffer(4));
  let stalls = 0;
  // From the check phase, as when nncheck's own work keeps it busy: the next turn's timers (clocks fallen due
  // meanwhile) run before its poll phase reads the answers that arrived on the pipe.
  const timer = setInterval(() => setImmediate(() => {
    Atomics.wait(blocker, 0, 0, stallMs);
    stalls++;
  }), stallMs + runsMs);
  return () => {
    clearInterval(timer);
    return stalls;
  };
}

describe("nncheck run on a loaded machine", () => {
  it("a correct implementation answering after 5 ms and stalling 400 ms in every 3,000, nncheck stalling 100 ms in every 900, every check, --timeout-ms 2000: nothing errored", async () => {
    const stop = stallThisThread(HARNESS_STALL_MS, HARNESS_RUNS_MS);
    let stalls = 0;
    try {
      const run = await runMain(["run", "--impl", shellCommand(["node", "--import", "tsx", DELAYED, "5", String(IMPLEMENTATION_STALL_MS), String(IMPLEMENTATION_RUNS_MS)]), "--timeout-ms", "2000", "--runs", "5", "--reporter", "json"]);
      stalls = stop();
      const report = JSON.parse(run.out) as { durationMs: number; checks: { id: string; status: string; message: string }[] };
      expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
      expect(report.checks).toHaveLength(allChecks().length);
      expect(run.code).toBe(0);
      expect(stalls, "nncheck's own thread was stalled while it ran").toBeGreaterThanOrEqual(5);
      console.log(`${report.checks.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s, nncheck stalled ${stalls} times`);
    } finally {
      stop();
    }
  });
});
