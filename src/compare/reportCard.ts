/**
 * Per implementation of a comparison: a report card (per area: passed, failed, errored, skipped…) and a
 * shields.io endpoint badge (https://shields.io/badges/endpoint-badge: `{ schemaVersion: 1, label, message,
 * color }`), the message `passed/total` of the selected checks.
 */
import { areaSummaries } from "../harness/reporters/areas.ts";
import type { Hello } from "../implementation.ts";
import type { RunSummary } from "../harness/runReport.ts";
import type { CompareColumn, ImplementationMatrix } from "./compareRuns.ts";

/** A shields.io endpoint badge. */
export interface EndpointBadge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: string;
}

/** One implementation's results, by area. */
export interface ReportCard {
  readonly label: string;
  /** The `--impl` command line or `--module` file. */
  readonly source: { readonly impl?: string; readonly module?: string };
  readonly implementation: Hello | null;
  /** Why it did not run, when it did not. */
  readonly error?: string;
  readonly nncheck: string;
  readonly suite: ImplementationMatrix["suite"];
  readonly seed: number;
  readonly runs: number;
  readonly passed: number;
  readonly total: number;
  readonly summary: RunSummary | null;
  readonly areas: readonly ({ readonly area: string; readonly total: number } & RunSummary)[];
  /** The command that replays this implementation's run. */
  readonly replay: string | null;
}

/**
 * The badge of a column: `passed/total`; brightgreen when every check passed, red when one failed, errored or
 * passed unexpectedly (or the implementation did not run: "did not start"), yellow otherwise (skipped checks).
 */
export function badgeOf(column: CompareColumn, total: number): EndpointBadge {
  const s = column.report?.summary;
  if (s === undefined) return { schemaVersion: 1, label: "nncheck", message: "did not start", color: "red" };
  const color = s.failed + s.errored + s.xpassed > 0 ? "red" : s.passed === total ? "brightgreen" : "yellow";
  return { schemaVersion: 1, label: "nncheck", message: `${s.passed}/${total}`, color };
}

/** The report card of a column of `comparison`. */
export function reportCardOf(column: CompareColumn, comparison: ImplementationMatrix): ReportCard {
  const total = comparison.rows.length;
  const report = column.report;
  return {
    label: column.spec.label,
    source: { ...(column.spec.impl !== undefined ? { impl: column.spec.impl } : {}), ...(column.spec.module !== undefined ? { module: column.spec.module } : {}) },
    implementation: report?.implementation ?? null,
    ...(column.error !== undefined ? { error: column.error } : {}),
    nncheck: comparison.nncheck, suite: comparison.suite, seed: comparison.seed, runs: comparison.runs,
    passed: report?.summary.passed ?? 0, total,
    summary: report?.summary ?? null,
    areas: report === undefined ? [] : areaSummaries(report.checks).map(({ area, checks, summary }) => ({ area, total: checks.length, ...summary })),
    replay: report?.replay ?? null,
  };
}

/** A file-name-safe form of a label: letters, digits, `.`, `_` and `-`; anything else becomes `-`. */
export function slug(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "implementation";
}
