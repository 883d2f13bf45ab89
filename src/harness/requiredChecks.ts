import type { Check } from "./check.ts";
import { summarize, type CheckResult, type RunReport } from "./runReport.ts";
import { RunSetupError } from "./RunSetupError.ts";
import { idMatcher } from "./selectChecks.ts";

/** Which `--require` pattern requires a check id (undefined: none). */
export type RequiredBy = (id: string) => string | undefined;

/**
 * The `--require <glob>` patterns as a lookup. Each must match at least one of `checks` (all known checks), or it
 * is a `RunSetupError`: a typo would otherwise require nothing.
 */
export function requiredChecks(patterns: readonly string[], checks: readonly Check[]): RequiredBy {
  const matchers = patterns.map((pattern) => {
    const matches = idMatcher(pattern);
    if (!checks.some((check) => matches(check.id))) throw new RunSetupError(`--require ${JSON.stringify(pattern)} matches no check; run 'nncheck list' to see the ids`);
    return { pattern, matches };
  });
  return (id) => matchers.find(({ matches }) => matches(id))?.pattern;
}

/**
 * `report` with every skipped check that `requiredBy` requires turned into a failure — its message says it was
 * required and why it was skipped, `details.required` names the pattern — and the summary recounted. A required
 * check that is not in this run (another shard, say) is not a failure here.
 */
export function withRequired(report: RunReport, requiredBy: RequiredBy): RunReport {
  let changed = false;
  const checks = report.checks.map((r): CheckResult => {
    const pattern = r.status === "skipped" ? requiredBy(r.id) : undefined;
    if (pattern === undefined) return r;
    changed = true;
    return { ...r, status: "failed", message: `required (--require ${pattern}) but skipped: ${r.message}`, details: { ...r.details, required: pattern } };
  });
  return changed ? { ...report, checks, summary: summarize(checks) } : report;
}
