import type { RunReport } from "../runReport.ts";
import { compactJsonText } from "./compactJsonText.ts";

/**
 * The report as one JSON document (see docs/schemas/report.schema.json): `{ nncheck, suite?, protocol,
 * implementation, seed, runs, shard?, replay, durationMs, summary, baseline?, checks: [{ id, description, status,
 * durationMs, message, details?, expectedFailure? }] }`. Non-finite numbers (a NaN answer, an infinite relative error) are written as the
 * strings "NaN", "Infinity" and "-Infinity", as on the protocol's wire; arrays of numbers stay on one line.
 */
export function jsonReporter(report: RunReport): string {
  const checks = report.checks.map((r) => ({
    id: r.id,
    description: r.description,
    status: r.status,
    durationMs: round(r.durationMs),
    message: r.message,
    ...(r.details !== undefined ? { details: r.details } : {}),
    ...(r.expectedFailure !== undefined ? { expectedFailure: r.expectedFailure } : {}),
  }));
  const document = {
    nncheck: report.nncheck,
    ...(report.suite !== undefined ? { suite: report.suite } : {}),
    protocol: report.protocol,
    implementation: report.implementation,
    seed: report.seed,
    runs: report.runs,
    ...(report.shard !== undefined ? { shard: report.shard } : {}),
    replay: report.replay,
    durationMs: round(report.durationMs),
    summary: report.summary,
    ...(report.baseline !== undefined ? { baseline: report.baseline } : {}),
    checks,
  };
  return compactJsonText(document);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
