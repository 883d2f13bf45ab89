/**
 * `nncheck compare`: the same checks, seed and runs against several implementations, one after the other, each
 * run a full report (`runSelection`, over `jobs` worker threads); an implementation that cannot start is a column of "not run" with the reason,
 * and the others still run.
 */
import type { Check } from "../harness/check.ts";
import { runSelection } from "../harness/runSelection.ts";
import type { ResultStatus, RunReport, SuiteIdentity } from "../harness/runReport.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import { shellCommand } from "../harness/shellQuote.ts";
import { StartupError } from "../protocol/index.ts";

/** One implementation to compare: a label, and an `--impl` command line or a `--module` file. */
export interface ImplementationSpec {
  readonly label: string;
  readonly impl?: string;
  readonly module?: string;
}

/** One implementation's column: its run's report, or why it did not run. */
export interface CompareColumn {
  readonly spec: ImplementationSpec;
  readonly report?: RunReport;
  /** Set when the implementation could not be started or loaded (its hello failed, the module did not load…). */
  readonly error?: string;
}

/** The comparison: every column, and the checks in registry order with one status per column (null: not run). */
export interface ImplementationMatrix {
  readonly nncheck: string;
  readonly suite: SuiteIdentity;
  readonly seed: number;
  readonly runs: number;
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly { readonly id: string; readonly statuses: readonly (ResultStatus | null)[] }[];
}

export interface CompareRunsOptions {
  readonly implementations: readonly ImplementationSpec[];
  readonly checks: readonly Check[];
  readonly suite: SuiteIdentity;
  readonly seed: number;
  readonly runs: number;
  readonly defaultRuns: number;
  readonly timeoutMs: number;
  /** Worker threads per implementation (1: on this thread). */
  readonly jobs?: number;
  /** Where notes go (progress per implementation, interruptions). */
  readonly say: (line: string) => void;
}

/** Runs every implementation of `options` in turn (see the module comment). */
export async function compareRuns(options: CompareRunsOptions): Promise<ImplementationMatrix> {
  const columns: CompareColumn[] = [];
  for (const spec of options.implementations) {
    columns.push(await runOne(spec, options));
    const last = columns.at(-1)!;
    options.say(`nncheck compare: ${spec.label}: ${last.report !== undefined ? summaryText(last.report) : `not run: ${last.error}`}`);
  }
  const rows = options.checks.map((check) => ({
    id: check.id,
    statuses: columns.map((c) => c.report?.checks.find((r) => r.id === check.id)?.status ?? null),
  }));
  return { nncheck: options.suite.version, suite: options.suite, seed: options.seed, runs: options.runs, columns, rows };
}

async function runOne(spec: ImplementationSpec, options: CompareRunsOptions): Promise<CompareColumn> {
  const replayPrefix = shellCommand([
    "npx", "nncheck", "run", ...(spec.impl !== undefined ? ["--impl", spec.impl] : []), ...(spec.module !== undefined ? ["--module", spec.module] : []),
    "--seed", String(options.seed), ...(options.runs !== options.defaultRuns ? ["--runs", String(options.runs)] : []),
  ]);
  try {
    const report = await runSelection({
      choice: { impl: spec.impl, module: spec.module, timeoutMs: options.timeoutMs }, jobs: options.jobs ?? 1, say: options.say,
      checks: options.checks, seed: options.seed, runs: options.runs, replayPrefix,
    });
    return { spec, report: { ...report, suite: options.suite } };
  } catch (error) {
    if (error instanceof StartupError || error instanceof RunSetupError) return { spec, error: error.message };
    throw error;
  }
}

function summaryText(report: RunReport): string {
  const s = report.summary;
  return (Object.keys(s) as ResultStatus[]).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`).join(", ") || "no checks";
}
