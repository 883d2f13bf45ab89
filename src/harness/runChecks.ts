import type { Hello, Implementation } from "../implementation.ts";
import { createOracle, type Oracle } from "../oracle/index.ts";
import { parseHello, StartupError, UnresponsiveError, withRequestLabel } from "../protocol/index.ts";
import { checkSeed, type Check, type CheckContext, type CheckOutcome } from "./check.ts";
import type { ExpectedFailure } from "./expectedFailures.ts";
import { guardImplementation } from "./guardImplementation.ts";
import { summarize, type CheckResult, type RunReport } from "./runReport.ts";
import { settleOutcome, type RunEnding } from "./settleOutcome.ts";
import { unmetNeeds } from "./unmetNeeds.ts";
import { NNCHECK_VERSION } from "./version.ts";

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
  /** Checks running at once (default 8): the protocol client pipelines their requests. */
  readonly concurrency?: number;
  readonly oracle?: Oracle;
  /** The end of the implementation's stderr, shown with transport failures (a spawned implementation has one). */
  readonly stderrTail?: () => string;
  /** Called as each check ends, with how many have ended. */
  readonly onResult?: (result: CheckResult, done: number, total: number) => void;
}

/** Default number of checks run at once. */
export const DEFAULT_CONCURRENCY = 8;

/**
 * Runs `checks` against the implementation and reports every outcome: says hello once (a failed or malformed
 * hello rejects with `StartupError`), skips checks whose needs the hello does not offer, runs the rest a few at a
 * time with their own seeds, maps what the implementation threw (see `settleOutcome`) and applies the expected
 * failures. Once the implementation is declared unresponsive, the checks not yet started are errored at once.
 */
export async function runChecks(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const { implementation, seed, runs } = options;
  const hello = await helloOf(implementation);
  const checks = typeof options.checks === "function" ? options.checks(hello) : options.checks;
  const oracle = options.oracle ?? createOracle();
  let unresponsive: CheckOutcome | undefined;

  const runOne = async (check: Check): Promise<CheckResult> => {
    const unmet = unmetNeeds(check.needs, hello);
    if (unmet !== undefined) return result(check, { status: "skipped", message: unmet }, 0);
    if (unresponsive !== undefined) return result(check, { ...unresponsive, message: `not run: ${unresponsive.message}` }, 0);
    const guarded = guardImplementation(implementation, hello);
    const context: CheckContext = {
      implementation: guarded.implementation, hello, dtype: hello.dtype, seed: checkSeed(seed, check.id), runs, oracle,
      replayPrefix: options.replayPrefix, ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}),
    };
    const t0 = performance.now();
    let ending: RunEnding;
    try {
      ending = { returned: await withRequestLabel(check.id, () => check.run(context)) };
    } catch (error) {
      ending = { thrown: error };
    }
    const outcome = settleOutcome(ending, guarded.incidents(), options.stderrTail);
    if (guarded.incidents().some((e) => e instanceof UnresponsiveError)) unresponsive ??= { ...outcome, status: "errored" };
    return result(check, outcome, performance.now() - t0);
  };

  const result = (check: Check, outcome: CheckOutcome, durationMs: number): CheckResult =>
    withReplay(withExpectation({ id: check.id, description: check.description, ...outcome, durationMs }, options.expectedFailures?.get(check.id)), `${options.replayPrefix} --only ${check.id}`);

  const results: CheckResult[] = new Array(checks.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < checks.length) {
      const i = next++;
      const r = await runOne(checks[i]!);
      results[i] = r;
      options.onResult?.(r, ++done, checks.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, checks.length)) }, worker));

  const summary = summarize(results);
  return {
    nncheck: NNCHECK_VERSION, protocol: 1, implementation: hello, seed, runs, replay: options.replayRun ?? options.replayPrefix,
    durationMs: performance.now() - started, summary, checks: results,
  };
}

/** The implementation's hello, validated; anything wrong is a `StartupError` (the CLI exits 2). */
async function helloOf(implementation: Implementation): Promise<RunReport["implementation"]> {
  let answer: unknown;
  try {
    answer = await implementation.hello();
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`the implementation's hello() failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseHello(answer);
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
