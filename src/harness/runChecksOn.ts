import type { Hello } from "../implementation.ts";
import type { Check, CheckOutcome } from "./check.ts";
import type { ExecutedCheck } from "./checkExecutor.ts";
import type { ExpectedFailure } from "./expectedFailures.ts";
import { unmetNeeds } from "./unmetNeeds.ts";
import { summarize, type CheckResult, type RunReport } from "./runReport.ts";
import { NNCHECK_VERSION } from "./version.ts";

/** Where checks run: on this thread (`runChecks`) or in worker threads (`openWorkerPool`). */
export interface CheckPool {
  /** The implementation's hello (the report's `implementation`). */
  readonly hello: Hello;
  /** How many checks it runs at once. */
  readonly size: number;
  /** Runs one check (at most `size` calls are pending at once); never rejects for what the check or implementation did. */
  run(check: Check): Promise<ExecutedCheck>;
}

/** What `runChecksOn` reports besides the pool; see `RunOptions`. */
export interface ScheduleOptions {
  readonly checks: readonly Check[];
  readonly seed: number;
  readonly runs: number;
  readonly replayPrefix: string;
  readonly replayRun?: string | undefined;
  readonly expectedFailures?: ReadonlyMap<string, ExpectedFailure> | undefined;
  readonly onResult?: ((result: CheckResult, done: number, total: number) => void) | undefined;
}

/**
 * Runs `options.checks` on `pool`, handing the next check to whichever slot is free, and assembles the report in
 * the checks' order whatever order they end in (a check whose needs the hello does not offer is skipped unrun) (so it is the same, times apart, for any pool size). Once the
 * implementation is declared unresponsive, the checks not yet started are errored at once.
 */
export async function runChecksOn(pool: CheckPool, options: ScheduleOptions): Promise<RunReport> {
  const started = performance.now();
  const { checks } = options;
  let unresponsive: CheckOutcome | undefined;
  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  let done = 0;
  const slot = async (): Promise<void> => {
    while (next < checks.length) {
      const i = next++;
      const check = checks[i]!;
      const unmet = unmetNeeds(check.needs, pool.hello);
      let executed: ExecutedCheck;
      if (unmet !== undefined) executed = { outcome: { status: "skipped", message: unmet }, durationMs: 0 };
      else if (unresponsive !== undefined) executed = { outcome: { ...unresponsive, message: `not run: ${unresponsive.message}` }, durationMs: 0 };
      else executed = await pool.run(check);
      if (executed.unresponsive === true) unresponsive ??= { ...executed.outcome, status: "errored" };
      const r = resultOf(check, executed, options);
      results[i] = r;
      options.onResult?.(r, ++done, checks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(pool.size, checks.length)) }, slot));
  const { seed, runs } = options;
  return {
    nncheck: NNCHECK_VERSION, protocol: 1, implementation: pool.hello, seed, runs, replay: options.replayRun ?? options.replayPrefix,
    durationMs: performance.now() - started, summary: summarize(results), checks: results,
  };
}

/** The result of `check`: its outcome and time, the expected failure applied, and its replay command when it went wrong. */
function resultOf(check: Check, executed: ExecutedCheck, options: ScheduleOptions): CheckResult {
  const result: CheckResult = { id: check.id, description: check.description, ...executed.outcome, durationMs: executed.durationMs };
  return withReplay(withExpectation(result, options.expectedFailures?.get(check.id)), `${options.replayPrefix} --only ${check.id}`);
}

/** `result` with the command that replays just its check when it failed, errored or xpassed, unless it names one. */
function withReplay(result: CheckResult, replay: string): CheckResult {
  if (!(result.status === "failed" || result.status === "errored" || result.status === "xpassed") || result.details?.replay !== undefined) return result;
  return { ...result, details: { ...result.details, replay } };
}

/** `result` with its expected failure applied: failed → xfailed, passed → xpassed; others keep their status. */
function withExpectation(result: CheckResult, expected: ExpectedFailure | undefined): CheckResult {
  if (expected === undefined) return result;
  const { reason } = expected;
  if (result.status === "failed") return { ...result, status: "xfailed", expectedFailure: reason };
  if (result.status === "passed") {
    return { ...result, status: "xpassed", expectedFailure: reason, message: `passed, but it is listed as an expected failure ("${reason}"): remove it from the list (${result.message})` };
  }
  return { ...result, expectedFailure: reason };
}
