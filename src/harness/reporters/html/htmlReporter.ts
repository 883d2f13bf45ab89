import type { UlpCurve } from "../../../checks/activationChecks.ts";
import type { CostCurveCase } from "../../../checks/comparisonOutcome.ts";
import type { EntryHeatmap } from "../../../checks/entryHeatmap.ts";
import type { EntryResult } from "../../../gradcheck/index.ts";
import { RESULT_STATUSES, type CheckResult, type ResultStatus, type RunReport } from "../../runReport.ts";
import { areaSummaries, isBad } from "../areas.ts";
import { baselineLines } from "../baselineLines.ts";
import { compactJson, detailLines } from "../detailLines.ts";
import { formatDuration } from "../formatNumber.ts";
import { summaryLine } from "../prettyReporter.ts";
import { costCurveHtml, ulpCurveHtml } from "./curvesHtml.ts";
import { heatmapHtml } from "./heatmapHtml.ts";
import { esc, full, short } from "./htmlText.ts";
import { SCRIPT, STYLE } from "./pageAssets.ts";

/** Each status's symbol, so that no status is told by colour alone. */
export const SYMBOL: Readonly<Record<ResultStatus, string>> = { passed: "✓", failed: "✗", errored: "⚠", skipped: "⊘", xfailed: "☑", xpassed: "!" };

/**
 * The report as one self-contained HTML page (inline CSS, SVG and a small filter script; nothing fetched): the
 * run's header (implementation, dtype, seed, suite, replay command), a bar per area, the baseline comparison,
 * then every check with its status — failures open — and what its details hold: the hints, a heatmap of every
 * entry of the first failing case, the cost curve of a train check, the ulp curve of an audit, the per-entry
 * table, counterexample, stderr and replay command. Everything but the filter works without JavaScript.
 */
export function htmlReporter(report: RunReport): string {
  const { implementation: hello, checks } = report;
  const bad = checks.filter((r) => isBad(r.status));
  const verdict = bad.length > 0 ? "failed" : checks.length === 0 ? "skipped" : "passed";
  const meta: [string, string][] = [
    ["implementation", `${esc(hello.name)}${hello.language ? ` (${esc(hello.language)})` : ""}`],
    ["dtype", esc(hello.dtype)], ["seed", String(report.seed)], ["runs", String(report.runs)],
    ["nncheck", `${esc(report.nncheck)}, protocol ${report.protocol}`],
    ...(report.suite ? [["suite", `${esc(report.suite.version)}, ${report.suite.checks} checks, <code>${esc(report.suite.hash)}</code>`] as [string, string]] : []),
    ...(report.shard ? [["shard", `${report.shard.index} of ${report.shard.count}`] as [string, string]] : []),
    ["time", formatDuration(report.durationMs)],
    ["replay", `<code>${esc(report.replay)}</code>`],
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nncheck ${esc(report.nncheck)}">
<title>nncheck: ${esc(hello.name)} — ${esc(summaryLine(report))}</title>
<style>${STYLE}</style></head>
<body data-verdict="${verdict}">
<header>
<h1>nncheck report: ${esc(hello.name)}</h1>
<p class="verdict s-${verdict}" id="verdict">${SYMBOL[verdict]} ${esc(summaryLine(report))}</p>
<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>
</header>
<section id="summary"><h2>By area</h2>
${areasTable(report)}
<p class="legend-statuses">${RESULT_STATUSES.map((s) => `<span class="s-${s}">${SYMBOL[s]} ${s}</span>`).join("")}</p>
</section>
${report.baseline ? baselineSection(report) : ""}
<section id="checks"><h2>Checks (${checks.length})</h2>
<form id="filter" hidden><span>show</span>${RESULT_STATUSES.map((s) => `<label class="s-${s}"><input type="checkbox" name="status" value="${s}" checked> ${SYMBOL[s]} ${s} (${report.summary[s]})</label>`).join("")}
<input type="search" name="q" placeholder="id contains…" aria-label="filter by id"><span id="shown"></span></form>
<noscript><p class="note">Filtering needs JavaScript; every check is listed below.</p></noscript>
${checks.map((r, k) => checkHtml(r, k, report)).join("\n")}
</section>
<script>${SCRIPT}</script>
</body></html>`;
}

function areasTable(report: RunReport): string {
  const rows = areaSummaries(report.checks).map(({ area, checks, summary }) => {
    const spans = RESULT_STATUSES.filter((s) => summary[s] > 0).map((s) => `<span class="b-${s}" style="width:${((100 * summary[s]) / checks.length).toFixed(2)}%" title="${summary[s]} ${s}"></span>`);
    const counts = RESULT_STATUSES.filter((s) => summary[s] > 0).map((s) => `<span class="s-${s}">${SYMBOL[s]} ${summary[s]} ${s}</span>`).join(" · ");
    return `<tr data-area="${esc(area)}"><th>${esc(area)}</th><td class="num">${checks.length}</td><td><div class="bar" role="img" aria-label="${esc(area)}: ${RESULT_STATUSES.filter((s) => summary[s] > 0).map((s) => `${summary[s]} ${s}`).join(", ")}">${spans.join("")}</div></td><td>${counts}</td></tr>`;
  });
  return `<table class="areas"><thead><tr><th>area</th><th>checks</th><th>outcomes</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function baselineSection(report: RunReport): string {
  const [head, ...rest] = baselineLines(report.baseline!);
  return `<section id="baseline"><h2>Compared with the baseline <code>${esc(report.baseline!.file)}</code></h2><p>${esc(head!)}</p><ul>${rest.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></section>`;
}

function checkHtml(r: CheckResult, index: number, report: RunReport): string {
  const d = r.details ?? {};
  const parts: string[] = [`<p class="desc">${esc(r.description)}</p>`, `<p class="msg"><b>${esc(r.status)}</b>: ${esc(r.message)}</p>`];
  if (r.expectedFailure !== undefined) parts.push(`<p class="note">Listed as an expected failure: ${esc(r.expectedFailure)}</p>`);
  if (d.hints && d.hints.length > 0) parts.push(`<ul class="hints">${d.hints.map((h) => `<li>Hint (a guess from the pattern of errors, not a verdict): ${esc(h.message)} <code>${esc(h.kind)}</code></li>`).join("")}</ul>`);
  if (isHeatmap(d["heatmap"])) parts.push(heatmapHtml(d["heatmap"]));
  if (typeof d["heatmapOmitted"] === "string") parts.push(`<p class="note">No heatmap: ${esc(d["heatmapOmitted"])}.</p>`);
  if (Array.isArray(d["costCurve"])) parts.push(costCurveHtml(d["costCurve"] as CostCurveCase[]));
  if (isUlpCurve(d["ulpCurve"])) parts.push(ulpCurveHtml(d["ulpCurve"], r.id.split("/")[1] ?? "f", d["lossyRanges"] as Parameters<typeof ulpCurveHtml>[2]));
  if (!isHeatmap(d["heatmap"]) && d.entries && d.entries.length > 0) parts.push(entriesTable(d.entries, d.compared));
  if (isBad(r.status) || r.status === "xfailed") {
    const text = detailLines(r);
    if (text.length > 0) parts.push(`<details class="text"><summary>Details as text</summary><pre>${esc(text.join("\n"))}</pre></details>`);
  } else if (d.counterexample !== undefined) parts.push(`<p>Counterexample: <code>${esc(compactJson(d.counterexample))}</code></p>`);
  const replay = d.replay ?? `${report.replay} --only ${r.id}`;
  parts.push(`<p class="replay">Replay: <code>${esc(replay)}</code></p>`);
  const open = isBad(r.status) ? " open" : "";
  return `<details class="check" id="check-${index}" data-id="${esc(r.id)}" data-status="${r.status}" data-area="${esc(r.id.split("/")[0]!)}"${open}><summary><span class="status s-${r.status}">${SYMBOL[r.status]} ${r.status.toUpperCase()}</span> <code>${esc(r.id)}</code> <span class="summary-msg">${esc(cut(r.message, 160))}</span></summary><div class="body">${parts.join("\n")}</div></details>`;
}

function entriesTable(entries: readonly EntryResult[], compared: number | undefined): string {
  const rows = entries.map((e) => `<tr class="${e.ok ? "pass" : "fail"}"><td><code>${esc(e.entry)}</code></td><td>${esc(full(e.expected))}</td><td>${esc(full(e.actual))}</td><td>${esc(short(e.absError))}</td><td>${esc(short(e.tolerance))}</td><td>${e.ok ? "✓" : "✗"}</td></tr>`);
  return `<table class="entries"><caption class="note">${entries.length} entries shown${compared !== undefined ? ` of ${compared} compared` : ""}</caption><thead><tr><th>entry</th><th>expected</th><th>actual</th><th>abs error</th><th>tolerance</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const cut = (text: string, n: number) => (text.length <= n ? text : `${text.slice(0, n - 1)}…`);
const isHeatmap = (v: unknown): v is EntryHeatmap => typeof v === "object" && v !== null && Array.isArray((v as EntryHeatmap).grids);
const isUlpCurve = (v: unknown): v is UlpCurve => typeof v === "object" && v !== null && Array.isArray((v as UlpCurve).x0);
