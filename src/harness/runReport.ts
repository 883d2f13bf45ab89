import type { Hello } from "../implementation.ts";
import type { BaselineComparison } from "../compare/baseline.ts";
import type { CheckDetails, CheckStatus } from "./check.ts";

/** A check's final status: its own, or `xfailed`/`xpassed` when it was listed as an expected failure. */
export type ResultStatus = CheckStatus | "xfailed" | "xpassed";

/** Every status, in report order (the summary's key order). */
export const RESULT_STATUSES: readonly ResultStatus[] = ["passed", "failed", "errored", "skipped", "xfailed", "xpassed"];

/** How one check of a run ended. */
export interface CheckResult {
  readonly id: string;
  readonly description: string;
  readonly status: ResultStatus;
  /**
   * The check's own wall-clock time, in ms, waiting for the implementation included: each thread runs one check at
   * a time (see `RunOptions.concurrency`), so no other check's time is in it (0 when it did not run).
   */
  readonly durationMs: number;
  /** One line: what was checked, or why it failed, errored or was skipped. */
  readonly message: string;
  readonly details?: CheckDetails;
  /** The reason given in the expected-failures file, for `xfailed` and `xpassed` (and listed checks that errored). */
  readonly expectedFailure?: string;
}

/** How many checks ended in each status. */
export type RunSummary = { readonly [S in ResultStatus]: number };

/** The suite a report was measured against (see `suiteIdentity`): compare reports only when these agree. */
export interface SuiteIdentity {
  /** nncheck's version. */
  readonly version: string;
  /** Checks in the registry (all of them, not only the selected ones). */
  readonly checks: number;
  /** `sha256:<hex>` of the check ids and the fixture files. */
  readonly hash: string;
}

/** Which part of the selection a sharded run ran (`--shard index/count`, 1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Everything a reporter needs about one run. */
export interface RunReport {
  /** nncheck's version. */
  readonly nncheck: string;
  /** The suite's version and hash (set by the CLI; absent in reports of older versions). */
  readonly suite?: SuiteIdentity;
  /** Set when the run ran one shard of the selected checks. */
  readonly shard?: Shard;
  /** Set when the run was compared with a previous report (`--baseline`). */
  readonly baseline?: BaselineComparison;
  readonly protocol: 1;
  readonly implementation: Hello;
  readonly seed: number;
  readonly runs: number;
  /** The command that replays this whole run, its selection included (each failing check has its own in its details). */
  readonly replay: string;
  /** Wall-clock time of the whole run (with `jobs` > 1, less than the sum of the checks' own times). */
  readonly durationMs: number;
  readonly summary: RunSummary;
  /** In a stable order: the registry's. */
  readonly checks: readonly CheckResult[];
}

/** Counts `results` by status. */
export function summarize(results: readonly CheckResult[]): RunSummary {
  const counts = Object.fromEntries(RESULT_STATUSES.map((s) => [s, 0])) as Record<ResultStatus, number>;
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The exit code of a run: 1 if a check failed, errored or passed unexpectedly (xpassed), else 0. */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.failed + summary.errored + summary.xpassed > 0 ? 1 : 0;
}
