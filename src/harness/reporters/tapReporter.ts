import type { CheckResult, RunReport } from "../runReport.ts";
import { detailLines, nonFiniteAsString } from "./detailLines.ts";
import { printable } from "./printable.ts";

/**
 * The report as TAP version 14: `ok`/`not ok` per check with its id; skipped → `# SKIP <reason>`; xfailed →
 * `not ok … # TODO <reason>` (an expected failure, which TAP consumers do not count as failing); xpassed →
 * `not ok`; failures and errors carry a YAML diagnostic block (message, severity, details as text, seed, replay).
 */
export function tapReporter(report: RunReport): string {
  const lines = [
    "TAP version 14",
    `# nncheck ${report.nncheck}: ${report.implementation.name} (${report.implementation.dtype}), seed ${report.seed}, runs ${report.runs}`,
    ...(report.suite ? [`# suite ${report.suite.version} ${report.suite.hash} (${report.suite.checks} checks)${report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ""}`] : []),
    `1..${report.checks.length}`,
  ];
  report.checks.forEach((r, i) => lines.push(...testPoint(r, i + 1, report)));
  const s = report.summary;
  lines.push(`# passed ${s.passed}, failed ${s.failed}, errored ${s.errored}, skipped ${s.skipped}, xfailed ${s.xfailed}, xpassed ${s.xpassed}`);
  lines.push(`# replay: ${report.replay}`);
  return lines.join("\n");
}

function testPoint(r: CheckResult, n: number, report: RunReport): string[] {
  const name = `${n} - ${escapeDescription(r.id)}`;
  switch (r.status) {
    case "passed":
      return [`ok ${name}`];
    case "skipped":
      return [`ok ${name} # SKIP ${oneLine(r.message)}`];
    case "xfailed":
      return [`not ok ${name} # TODO expected failure: ${oneLine(r.expectedFailure ?? "")}`];
    case "failed":
    case "errored":
    case "xpassed":
      return [`not ok ${name}`, ...yamlBlock(r, report)];
  }
}

/** A YAML diagnostic block, indented two spaces; strings are written as JSON strings (valid YAML scalars). */
function yamlBlock(r: CheckResult, report: RunReport): string[] {
  const details = r.details ?? {};
  const fields: [string, unknown][] = [
    ["message", r.message],
    ["severity", r.status === "errored" ? "error" : "fail"],
    ["status", r.status],
    ["durationMs", Math.round(r.durationMs)],
    ["seed", details.seed ?? report.seed],
    ["replay", details.replay ?? `${report.replay} --only ${r.id}`],
  ];
  const text = detailLines(r);
  const block = fields.map(([key, value]) => `  ${key}: ${JSON.stringify(value, nonFiniteAsString)}`);
  if (text.length > 0) block.push("  details: |-", ...text.map((line) => `    ${printable(line)}`));
  return ["  ---", ...block, "  ..."];
}

/** TAP descriptions end at `#` (a directive): escape it, and keep to one line. */
function escapeDescription(text: string): string {
  return oneLine(text).replace(/\\/g, "\\\\").replace(/#/g, "\\#");
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

