/**
 * nncheck's conformance suite inside a project's own `vitest run`: one vitest test per selected check, run against
 * an in-process implementation, with nncheck's failure report (the failing entries, hints, counterexample, replay)
 * as the assertion message. A check the implementation's hello does not offer is a skipped test, with the reason.
 */
import { afterAll, beforeAll, describe, it, type TestContext } from "vitest";
import { checksFor, declaredShapes } from "../checks/index.ts";
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_TIMEOUT_MS } from "../harness/defaults.ts";
import type { ExpectedFailure } from "../harness/expectedFailures.ts";
import { isolateImplementation } from "../harness/isolateImplementation.ts";
import { detailLines } from "../harness/reporters/detailLines.ts";
import { runChecks } from "../harness/runChecks.ts";
import type { CheckResult } from "../harness/runReport.ts";
import { selectChecks } from "../harness/selectChecks.ts";
import type { DeclaredNetwork, Implementation } from "../implementation.ts";
import { createOracle } from "../oracle/index.ts";

/** What `describeConformance` runs; every field optional. */
export interface ConformanceOptions {
  /** The describe block's title (default "nncheck conformance"). */
  readonly title?: string;
  /** Id globs, as `nncheck run --only` / `--skip`. */
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  /** The run seed (default 1) and cases per property or random check (default 100), as `--seed` and `--runs`. */
  readonly seed?: number;
  readonly runs?: number;
  /** How long one call of the implementation may take (default 10 s), as `--timeout-ms`. */
  readonly timeoutMs?: number;
  /** Each vitest test's timeout (default 120 s: a check makes many calls). */
  readonly testTimeoutMs?: number;
  /** Expected failures by id (exact ids): such a check that fails passes as xfailed; one that passes fails. */
  readonly expectedFailures?: readonly ExpectedFailure[];
  /**
   * Shapes to run the oracle, finite-difference and property checks on too, as `nncheck run --network` (the tests
   * are registered before the hello answers, so its `networks` cannot add them): cost absent squared_error,
   * reduction absent the mean.
   */
  readonly networks?: readonly DeclaredNetwork[];
  /** The start of the replay command printed on failure (default: `npx nncheck run --module <your module> --seed …`). */
  readonly replayPrefix?: string;
}

/**
 * Registers a vitest `describe` with one test per check selected by `options`, run against `implementation` (an
 * object implementing nncheck's Implementation, a module's default export, or a function that makes one; it is
 * made in `beforeAll` and closed in `afterAll`). Call it at the top level of a test file.
 */
export function describeConformance(implementation: Implementation | (() => Implementation | Promise<Implementation>), options: ConformanceOptions = {}): void {
  const seed = options.seed ?? DEFAULT_SEED;
  const runs = options.runs ?? DEFAULT_RUNS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const replayPrefix = options.replayPrefix ?? `npx nncheck run --module <your module> --seed ${seed}${runs !== DEFAULT_RUNS ? ` --runs ${runs}` : ""}`;
  const declared = declaredShapes(options.networks ?? [], {}, (i) => `describeConformance networks[${i}] (${JSON.stringify(options.networks![i])})`);
  const checks = selectChecks(checksFor({ declared }), { only: options.only ?? [], skip: options.skip ?? [] });
  const expected = new Map((options.expectedFailures ?? []).map((e) => [e.id, e]));
  const oracle = createOracle();

  describe(options.title ?? "nncheck conformance", () => {
    let tested: Implementation | undefined;
    beforeAll(async () => {
      tested = isolateImplementation(typeof implementation === "function" ? await implementation() : implementation, timeoutMs);
    });
    afterAll(async () => {
      await tested?.close?.();
    });
    for (const check of checks) {
      it(check.id, async (context: TestContext) => {
        const report = await runChecks({
          implementation: tested!, checks: [check], seed, runs, replayPrefix, oracle, concurrency: 1,
          ...(expected.has(check.id) ? { expectedFailures: new Map([[check.id, expected.get(check.id)!]]) } : {}),
        });
        const result = report.checks[0]!;
        if (result.status === "skipped") return context.skip(result.message);
        if (result.status === "passed" || result.status === "xfailed") return;
        throw new ConformanceFailure(failureReport(result));
      }, options.testTimeoutMs ?? 120_000);
    }
  });
}

/** A check that did not pass: the message is nncheck's report of it. */
export class ConformanceFailure extends Error {
  override readonly name = "ConformanceFailure";
}

/** `status: message` and the detail lines the pretty reporter prints under a failing check. */
export function failureReport(result: CheckResult): string {
  return [`${result.id} ${result.status}: ${result.message}`, ...detailLines(result).map((line) => `  ${line}`)].join("\n");
}
