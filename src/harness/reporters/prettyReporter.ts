import { RESULT_STATUSES, type ResultStatus, type RunReport } from "../runReport.ts";
import { baselineLines } from "./baselineLines.ts";
import { detailLines } from "./detailLines.ts";
import { formatDuration } from "./formatNumber.ts";
import { printable } from "./printable.ts";

/** How `prettyReporter` renders: ANSI colours only when writing to a terminal. */
export interface PrettyOptions {
  readonly color?: boolean;
}

const LABEL: Readonly<Record<ResultStatus, string>> = {
  passed: "PASSED", failed: "FAILED", errored: "ERRORED", skipped: "SKIPPED", xfailed: "XFAILED", xpassed: "XPASSED",
};
const COLOR: Readonly<Record<ResultStatus, number>> = { passed: 32, failed: 31, errored: 31, skipped: 33, xfailed: 36, xpassed: 31 };
const WIDTH = 100;

/**
 * The report for people: a header naming the implementation and the seed; failures, errors and unexpected passes
 * first, each with its message and details (per-entry table, hints, replay command); then skipped checks with their
 * reasons, expected failures, the passed ids; the comparison with the baseline (`--baseline`); last a summary
 * line and the command that replays the run.
 */
export function prettyReporter(report: RunReport, options: PrettyOptions = {}): string {
  const paint = (status: ResultStatus, text: string): string => (options.color ? `\x1b[${COLOR[status]}m${text}\x1b[0m` : text);
  const bold = (text: string): string => (options.color ? `\x1b[1m${text}\x1b[0m` : text);
  const { implementation: hello, checks } = report;
  const lines = [
    bold(`nncheck ${report.nncheck} — ${hello.name}${hello.language ? ` (${hello.language})` : ""}, ${hello.dtype}, protocol ${report.protocol}`),
    `seed ${report.seed}, runs ${report.runs}, ${checks.length} ${checks.length === 1 ? "check" : "checks"}` +
      (report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : "") +
      (report.suite ? `; suite ${report.suite.version} ${report.suite.hash.slice(0, 19)}… (${report.suite.checks} checks)` : ""),
  ];
  const bad = checks.filter((r) => r.status === "failed" || r.status === "errored" || r.status === "xpassed");
  for (const r of bad) {
    lines.push("", `${paint(r.status, `✗ ${LABEL[r.status]}`)}  ${bold(r.id)}  (${formatDuration(r.durationMs)})`, `    ${printable(r.message)}`);
    lines.push(...detailLines(r).map((line) => `    ${printable(line)}`));
  }
  const skipped = checks.filter((r) => r.status === "skipped");
  if (skipped.length > 0) lines.push("", paint("skipped", `skipped (${skipped.length}):`), ...skipped.map((r) => `  - ${r.id}: ${printable(r.message)}`));
  const xfailed = checks.filter((r) => r.status === "xfailed");
  if (xfailed.length > 0) {
    lines.push("", paint("xfailed", `expected failures (${xfailed.length}), failing as listed:`));
    lines.push(...xfailed.map((r) => `  - ${r.id}: ${r.expectedFailure ?? ""} — ${printable(r.message)}`));
  }
  const passed = checks.filter((r) => r.status === "passed");
  if (passed.length > 0) lines.push("", paint("passed", `passed (${passed.length}):`), ...wrap(groupIds(passed.map((r) => r.id)), "  "));
  if (report.baseline !== undefined) {
    const [head, ...rest] = baselineLines(report.baseline);
    lines.push("", bold(`compared with the baseline ${report.baseline.file}: ${head}`), ...rest.map((l) => `  - ${printable(l)}`));
  }
  lines.push("", summaryLine(report, paint), `replay: ${report.replay}`); // the whole run, as in TAP and JSON; each failure has its own above
  return lines.join("\n");
}

/**
 * `8 checks: 6 passed, 1 failed, 1 skipped in 2.1 s (seed 1)`: only the statuses that occurred; a run whose
 * checks were all skipped says "nothing was checked" (it exits 0, but it verified nothing).
 */
export function summaryLine(report: RunReport, paint: (status: ResultStatus, text: string) => string = (_, t) => t): string {
  const parts = RESULT_STATUSES.filter((s) => report.summary[s] > 0).map((s) => paint(s, `${report.summary[s]} ${s}`));
  const total = report.checks.length;
  const nothing = total > 0 && report.summary.skipped === total ? " — nothing was checked" : "";
  return `${total} ${total === 1 ? "check" : "checks"}: ${parts.join(", ") || "none run"}${nothing} in ${formatDuration(report.durationMs)} (seed ${report.seed})`;
}

/** Ids grouped by their first two segments: `oracle/gradients/** (4)`; a group of one stays its id. */
export function groupIds(ids: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const segments = id.split("/");
    const key = segments.length > 2 ? `${segments.slice(0, 2).join("/")}/**` : id;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups].map(([key, members]) => (members.length === 1 ? members[0]! : `${key} (${members.length})`));
}

function wrap(words: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line === "" ? word : `${line}, ${word}`;
    if (indent.length + next.length > WIDTH && line !== "") {
      lines.push(`${indent}${line},`);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(`${indent}${line}`);
  return lines;
}
