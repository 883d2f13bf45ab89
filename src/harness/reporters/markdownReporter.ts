import { RESULT_STATUSES, type CheckResult, type RunReport } from "../runReport.ts";
import { areaSummaries, isBad } from "./areas.ts";
import { baselineLines } from "./baselineLines.ts";
import { detailLines } from "./detailLines.ts";
import { formatDuration } from "./formatNumber.ts";
import { groupIds, summaryLine } from "./prettyReporter.ts";
import { printable } from "./printable.ts";

/** GitHub caps a step summary at 1 MiB; the per-check details stop well before that. */
export const MARKDOWN_BUDGET = 900_000;

const ICON = { passed: "✅", failed: "❌", errored: "💥", skipped: "⏭️", xfailed: "☑️", xpassed: "❗" } as const;

/**
 * The report as GitHub-flavoured Markdown (the `github` reporter's job summary, a PR comment, a wiki page): a
 * heading with the verdict; the implementation, dtype, seed, runs and suite; a table per area and status; the
 * comparison with the baseline; every failed, errored and xpassed check in a collapsed block with its details and
 * replay command; then the skipped checks with their reasons, the expected failures and the passed ids. Text
 * from implementations is escaped; details beyond MARKDOWN_BUDGET characters are listed by id only.
 */
export function markdownReporter(report: RunReport): string {
  const { implementation: hello, checks } = report;
  const bad = checks.filter((r) => isBad(r.status));
  const verdict = bad.length > 0 ? "❌" : checks.length === 0 ? "⚠️" : "✅";
  const lines = [
    `## ${verdict} nncheck: ${inline(summaryLine(report))}`,
    "",
    `**${inline(hello.name)}**${hello.language ? ` (${inline(hello.language)})` : ""} · ${hello.dtype} · seed ${report.seed} · runs ${report.runs} · nncheck ${report.nncheck}` +
      (report.suite ? ` · suite \`${report.suite.hash.slice(0, 19)}…\` (${report.suite.checks} checks)` : "") +
      (report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ""),
    "",
    `| area | ${RESULT_STATUSES.join(" | ")} | total |`,
    `|---|${RESULT_STATUSES.map(() => "--:").join("|")}|--:|`,
    ...areaSummaries(checks).map(({ area, summary, checks: list }) => `| ${area} | ${RESULT_STATUSES.map((s) => (summary[s] > 0 ? `${ICON[s]} ${summary[s]}` : "0")).join(" | ")} | ${list.length} |`),
    `| **all** | ${RESULT_STATUSES.map((s) => `**${report.summary[s]}**`).join(" | ")} | **${checks.length}** |`,
  ];
  if (report.baseline !== undefined) {
    // Ids become code spans, the text around them is escaped: private-use marks tell them apart.
    const [head, ...rest] = baselineLines(report.baseline, (id) => `\uE000${id}\uE001`)
      .map((l) => l.split(/\uE000(.*?)\uE001/).map((part, k) => (k % 2 === 1 ? `\`${part.replace(/`/g, "'")}\`` : inline(part))).join(""));
    lines.push("", `### Compared with the baseline \`${report.baseline.file.replace(/`/g, "'")}\``, "", head!, "", ...rest.map((l) => `- ${l}`));
  }
  if (bad.length > 0) {
    lines.push("", `### Failed, errored or unexpectedly passed (${bad.length})`, "");
    let size = lines.join("\n").length;
    const unshown: string[] = [];
    for (const r of bad) {
      const block = failureBlock(r, report);
      if (size + block.length > MARKDOWN_BUDGET) unshown.push(r.id);
      else {
        lines.push(block, "");
        size += block.length;
      }
    }
    if (unshown.length > 0) lines.push(`… ${unshown.length} more, details left out to keep this summary under GitHub's size limit (see the JSON or HTML report): ${unshown.map((id) => `\`${id}\``).join(", ")}`, "");
  }
  const skipped = checks.filter((r) => r.status === "skipped");
  if (skipped.length > 0) lines.push("", collapsed(`⏭️ ${skipped.length} skipped (not offered by the implementation)`, skipped.map((r) => `- \`${r.id}\`: ${inline(r.message)}`)));
  const xfailed = checks.filter((r) => r.status === "xfailed");
  if (xfailed.length > 0) lines.push("", collapsed(`☑️ ${xfailed.length} failed as expected (xfailed)`, xfailed.map((r) => `- \`${r.id}\`: ${inline(r.expectedFailure ?? "")}`)));
  const passed = checks.filter((r) => r.status === "passed");
  if (passed.length > 0) lines.push("", collapsed(`✅ ${passed.length} passed`, groupIds(passed.map((r) => r.id)).map((g) => `- \`${g}\``)));
  lines.push("", `Replay the run: \`${report.replay}\``);
  return lines.join("\n");
}

function failureBlock(r: CheckResult, report: RunReport): string {
  const details = detailLines(r).filter((l) => !l.startsWith("replay: "));
  const body = [printable(r.message), ...details.map(printable)].join("\n");
  const fence = "`".repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const replay = r.details?.replay ?? `${report.replay} --only ${r.id}`;
  return [
    `<details><summary>${ICON[r.status]} <b>${r.status.toUpperCase()}</b> <code>${html(r.id)}</code> (${formatDuration(r.durationMs)}): ${html(r.message)}</summary>`,
    "",
    `${fence}text`, body, fence,
    "",
    `Replay: \`${replay.replace(/`/g, "'")}\``,
    "",
    "</details>",
  ].join("\n");
}

function collapsed(summary: string, items: readonly string[]): string {
  return [`<details><summary>${html(summary)}</summary>`, "", ...items, "", "</details>"].join("\n");
}

/** Text safe in HTML (a `<summary>`): `& < > "` escaped, control characters replaced. */
function html(text: string): string {
  return printable(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!).replace(/\s*\n\s*/g, " ");
}

/** Text safe inline in Markdown: HTML escaped, Markdown's emphasis, code, link and table characters backslashed. */
export function inline(text: string): string {
  return html(text).replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`);
}
