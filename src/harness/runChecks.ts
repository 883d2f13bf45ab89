import type { Hello, Implementation } from "../implementation.ts";
import { createOracle, type Oracle } from "../oracle/index.ts";
import type { Check } from "./check.ts";
import { checkExecutor } from "./checkExecutor.ts";
import type { ExpectedFailure } from "./expectedFailures.ts";
import { helloOf } from "./helloOf.ts";
import type { CheckResult, RunReport } from "./runReport.ts";
import { runChecksOn } from "./runChecksOn.ts";

/** What `runChecks` needs; see each field. */
export interface RunOptions {
  readonly implementation: Implementation;
  /**
   * The checks to run (already selected), in report order; or, where they depend on the hello (its `networks`),
   * a function of it, called once the hello is validated (what it throws rejects the run).
   */
  readonly checks: readonly Check[] | ((hello: Hello) => readonly Check[]);
  readonly seed: number;
  /** Cases per property or random check. */
  readonly runs: number;
  /** The command that selects this implementation, seed and runs (see `CheckContext.replayPrefix`). */
  readonly replayPrefix: string;
  /** The command that replays the whole run, its selection included (default: `replayPrefix`): the report's `replay`. */
  readonly replayRun?: string;
  readonly replayPath?: string;
  /** Expected failures by check id (see `matchExpectedFailures`). */
  readonly expectedFailures?: ReadonlyMap<string, ExpectedFailure>;
  /**
   * Checks running at once on this thread (default 1). Above 1 their requests are pipelined, and a check's
   * `durationMs` also counts the time the others ran in between: it is no longer the check's own time.
   */
  readonly concurrency?: number;
  readonly oracle?: Oracle;
  /** The end of the implementation's stderr, shown with transport failures (a spawned implementation has one). */
  readonly stderrTail?: () => string;
  /** Called as each check ends, with how many have ended. */
  readonly onResult?: (result: CheckResult, done: number, total: number) => void;
}

/** Default number of checks run at once on one thread: one, so that each check's time is its own. */
export const DEFAULT_CONCURRENCY = 1;

/**
 * Runs `checks` against the implementation on this thread and reports every outcome: says hello once (a failed
 * or malformed hello rejects with `StartupError`), skips checks whose needs the hello does not offer, runs the
 * rest one at a time (see `concurrency`) with their own seeds, maps what the implementation threw (see
 * `settleOutcome`) and applies the expected failures. Once the implementation is declared unresponsive, the checks
 * not yet started are errored at once. (`runSelection` runs them in worker threads.)
 */
export async function runChecks(options: RunOptions): Promise<RunReport> {
  const { implementation } = options;
  const hello = await helloOf(implementation);
  const checks = typeof options.checks === "function" ? options.checks(hello) : options.checks;
  const run = checkExecutor({
    implementation, hello, seed: options.seed, runs: options.runs, oracle: options.oracle ?? createOracle(),
    replayPrefix: options.replayPrefix, replayPath: options.replayPath, stderrTail: options.stderrTail,
  });
  return runChecksOn({ hello, size: options.concurrency ?? DEFAULT_CONCURRENCY, run }, { ...options, checks });
}
