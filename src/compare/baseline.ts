/**
 * Regressions: a run compared with a previous JSON report of the same implementation (`--baseline old.json`).
 * By id: newly failing (failed or errored now, and not failing — failed, errored or xfailed — before, or a new
 * id), newly passing (passed or xpassed now, failing before), newly skipped, every other status change, and the
 * ids added or removed. What makes the comparison less than like for like — another seed, run count, suite
 * version or hash, implementation, dtype or shard — is named in `notices`, never silently compared.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ResultStatus, RunReport } from "../harness/runReport.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";

/** One check whose status differs from the baseline's (`was` undefined: the id is new). */
export interface StatusChange {
  readonly id: string;
  readonly was?: ResultStatus;
  readonly now: ResultStatus;
}

/** A run against its baseline (see the module comment). */
export interface BaselineComparison {
  /** The baseline file, as given. */
  readonly file: string;
  /** What differs between the two runs besides the checks' outcomes, one sentence each. */
  readonly notices: readonly string[];
  readonly newlyFailing: readonly StatusChange[];
  readonly newlyPassing: readonly StatusChange[];
  readonly newlySkipped: readonly StatusChange[];
  /** Every status change, the three above included. */
  readonly changed: readonly StatusChange[];
  /** Ids in this run and not in the baseline, and the other way round. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Checks in both runs with the same status. */
  readonly unchanged: number;
}

/** What a baseline report must hold to be compared (a subset of the report schema). */
export type BaselineReport = Pick<RunReport, "nncheck" | "seed" | "runs" | "implementation" | "checks"> & Partial<Pick<RunReport, "suite" | "shard">>;

const FAILING: readonly ResultStatus[] = ["failed", "errored", "xfailed"];

/** `report` against `baseline` (read from `file`). */
export function compareWithBaseline(report: RunReport, baseline: BaselineReport, file: string): BaselineComparison {
  const before = new Map(baseline.checks.map((c) => [c.id, c.status]));
  const now = new Set(report.checks.map((c) => c.id));
  const changed: StatusChange[] = [];
  let unchanged = 0;
  for (const { id, status } of report.checks) {
    const was = before.get(id);
    if (was === status) unchanged++;
    else changed.push(was === undefined ? { id, now: status } : { id, was, now: status });
  }
  const failingBefore = (c: StatusChange) => c.was !== undefined && FAILING.includes(c.was);
  return {
    file,
    notices: notices(report, baseline),
    newlyFailing: changed.filter((c) => (c.now === "failed" || c.now === "errored") && !failingBefore(c)),
    newlyPassing: changed.filter((c) => (c.now === "passed" || c.now === "xpassed") && failingBefore(c)),
    newlySkipped: changed.filter((c) => c.now === "skipped" && c.was !== undefined),
    changed,
    added: report.checks.filter((c) => !before.has(c.id)).map((c) => c.id),
    removed: baseline.checks.filter((c) => !now.has(c.id)).map((c) => c.id),
    unchanged,
  };
}

function notices(report: RunReport, baseline: BaselineReport): string[] {
  const out: string[] = [];
  const differs = (what: string, was: unknown, is: unknown, consequence: string) => {
    if (was !== is) out.push(`${what} differs: ${String(was)} in the baseline, ${String(is)} now (${consequence})`);
  };
  differs("the seed", baseline.seed, report.seed, "the random cases differ");
  differs("--runs", baseline.runs, report.runs, "property and random checks ran a different number of cases");
  const shard = (r: BaselineReport) => (r.shard === undefined ? "the whole selection" : `shard ${r.shard.index}/${r.shard.count}`);
  differs("the shard", shard(baseline), shard(report), "ids outside this run are listed as removed, not compared");
  differs("the implementation", JSON.stringify(baseline.implementation.name), JSON.stringify(report.implementation.name), "is it the same implementation?");
  differs("the dtype", baseline.implementation.dtype, report.implementation.dtype, "tolerances differ");
  if (baseline.suite === undefined || report.suite === undefined) {
    out.push(`the suite cannot be compared: ${baseline.suite === undefined ? "the baseline" : "this run"} names no suite version and hash (nncheck ${baseline.suite === undefined ? baseline.nncheck : report.nncheck}); checks compared by id only`);
  } else {
    differs("the suite version", baseline.suite.version, report.suite.version, "checks may have changed meaning; compared by id");
    if (baseline.suite.hash !== report.suite.hash) {
      out.push(`the suite hash differs: ${baseline.suite.hash.slice(0, 19)}… (${baseline.suite.checks} checks) in the baseline, ${report.suite.hash.slice(0, 19)}… (${report.suite.checks} checks) now — the check ids or the fixtures changed; compared by id`);
    }
  }
  return out;
}

let validateReport: ReturnType<Ajv2020["compile"]> | undefined;

/** Reads the JSON report `file` for `--baseline`; a missing, malformed or schema-breaking file is a `RunSetupError`. */
export function loadBaseline(file: string): BaselineReport {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RunSetupError(`--baseline ${file}: cannot read it: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RunSetupError(`--baseline ${file}: not valid JSON (${(error as Error).message}); expected a report written by --reporter json`);
  }
  validateReport ??= new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL("../../docs/schemas/report.schema.json", import.meta.url), "utf8")) as object);
  if (!validateReport(json)) {
    const first = validateReport.errors?.[0];
    throw new RunSetupError(`--baseline ${file}: not a report written by --reporter json (docs/schemas/report.schema.json): ${first?.instancePath || "the document"} ${first?.message ?? "is invalid"}`);
  }
  return json as BaselineReport;
}

/** The exit code of a run under `--fail-on regressions`: 1 when a check is newly failing, else 0. */
export function regressionExitCode(comparison: BaselineComparison): 0 | 1 {
  return comparison.newlyFailing.length > 0 ? 1 : 0;
}
