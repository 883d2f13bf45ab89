import type { DeclaredNetwork } from "../implementation.ts";
import { closeOnSignals } from "./closeOnSignals.ts";
import { openImplementation, type ImplementationChoice } from "./openImplementation.ts";
import { runChecks, type RunOptions } from "./runChecks.ts";
import { runChecksOn } from "./runChecksOn.ts";
import type { RunReport } from "./runReport.ts";
import { WorkerPool } from "./workers/WorkerPool.ts";

/** What `runSelection` needs: `runChecks`'s options with the implementation named, not opened, and the jobs. */
export interface SelectionOptions extends Omit<RunOptions, "implementation" | "stderrTail" | "oracle" | "concurrency"> {
  readonly choice: ImplementationChoice;
  /**
   * Worker threads (1: none, the checks run on this thread). The checks must come from the registry for the hello
   * and `networks` (`checksForHello`): each worker rebuilds it and runs the checks by id.
   */
  readonly jobs: number;
  /** The run's `--network` shapes (see `checksForHello`). */
  readonly networks?: readonly DeclaredNetwork[];
  /** Where the note of an interruption goes (SIGINT, SIGTERM: the implementations are closed, the process exits). */
  readonly say: (line: string) => void;
}

/**
 * Opens the implementation `choice` names and runs `checks` against it: with `jobs` 1 on this thread
 * (`runChecks`), else spread over `jobs` worker threads (at most one per check), each with its own
 * implementation — the module loaded once per worker, one protocol process per worker — one check at a time,
 * the next check to whichever is free. The report is the same whatever `jobs` (times apart): each check's seed
 * comes from the run seed and its id, and the report keeps the checks' order. The implementations are closed at
 * the end, or on SIGINT/SIGTERM. Rejects like `openImplementation` when the implementation cannot start.
 */
export async function runSelection(options: SelectionOptions): Promise<RunReport> {
  const { choice, say, jobs: _jobs, networks = [], ...run } = options;
  // checks that depend on the hello are counted once it is known: until then the jobs asked for
  const jobs = Math.max(1, typeof run.checks === "function" ? options.jobs : Math.min(options.jobs, run.checks.length));
  const started = performance.now();
  const timed = (report: RunReport): RunReport => ({ ...report, durationMs: performance.now() - started }); // the start and hello included
  if (jobs === 1) {
    const { implementation, stderrTail } = await openImplementation(choice);
    const stopWatching = closeOnSignals(implementation, say);
    try {
      return timed(await runChecks({ ...run, implementation, ...(stderrTail ? { stderrTail } : {}) }));
    } finally {
      await implementation.close?.();
      stopWatching();
    }
  }
  const pool = new WorkerPool({ choice, seed: run.seed, runs: run.runs, replayPrefix: run.replayPrefix, replayPath: run.replayPath, networks }, jobs);
  const stopWatching = closeOnSignals(pool, say);
  try {
    await pool.start();
    const checks = typeof run.checks === "function" ? run.checks(pool.hello) : run.checks;
    return timed(await runChecksOn(pool, { ...run, checks }));
  } finally {
    await pool.close();
    stopWatching();
  }
}
