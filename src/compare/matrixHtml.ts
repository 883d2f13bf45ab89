/** The comparison matrix as one self-contained HTML page: implementations, per-area totals, every check × implementation. */
import { esc } from "../harness/reporters/html/htmlText.ts";
import { SYMBOL } from "../harness/reporters/html/htmlReporter.ts";
import { STYLE } from "../harness/reporters/html/pageAssets.ts";
import { RESULT_STATUSES } from "../harness/runReport.ts";
import type { ImplementationMatrix } from "./compareRuns.ts";
import { areaTotals, cellSymbol, describeColumn, totalCell } from "./matrixReporters.ts";
import { badgeOf } from "./reportCard.ts";

const MATRIX_STYLE = `
table.matrix { border-collapse: collapse; font-size: 13px; } table.matrix th, table.matrix td { border: 1px solid var(--line); padding: 2px 8px; }
table.matrix thead th { position: sticky; top: 0; background: var(--panel); } table.matrix td.cell { text-align: center; font-weight: 700; }
table.matrix tr.differ td:first-child { border-left: 4px solid var(--failed); }
td.c-passed { color: var(--passed); } td.c-failed { color: var(--failed); } td.c-errored { color: var(--errored); }
td.c-skipped { color: var(--skipped); } td.c-xfailed { color: var(--xfailed); } td.c-xpassed { color: var(--xpassed); } td.c-none { color: var(--muted); }
.badge { display: inline-block; font: 11px/18px Verdana, sans-serif; border-radius: 3px; overflow: hidden; white-space: nowrap; }
.badge span { padding: 0 6px; display: inline-block; color: #fff; } .badge .l { background: #555; }
.badge .brightgreen { background: #2f8f3a; } .badge .yellow { background: #a78a00; } .badge .red { background: #c0392b; }
`;

/**
 * The page: a table of the implementations (label, hello, badge, a link to its own HTML report when `links`
 * gives one), the per-area totals, then every check with a status per implementation (symbol and colour;
 * rows where the implementations differ marked). No script: it reads the same without JavaScript.
 */
export function htmlMatrix(c: ImplementationMatrix, links: readonly (string | undefined)[] = []): string {
  const head = `<tr><th>check</th>${c.columns.map((col, k) => `<th title="${esc(describeColumn(col))}">[${k + 1}] ${esc(col.spec.label)}</th>`).join("")}</tr>`;
  const rows = c.rows.map((r) => {
    const differ = new Set(r.statuses).size > 1;
    return `<tr class="${differ ? "differ" : "same"}" data-id="${esc(r.id)}"><td><code>${esc(r.id)}</code></td>${r.statuses.map((s, k) => `<td class="cell c-${s ?? "none"}" title="${esc(`${c.columns[k]!.spec.label}: ${s ?? "not run"}`)}">${cellSymbol(s)}</td>`).join("")}</tr>`;
  });
  const impls = c.columns.map((col, k) => {
    const badge = badgeOf(col, c.rows.length);
    const link = links[k] !== undefined ? ` <a href="${esc(links[k]!)}">full report</a>` : "";
    return `<tr><td>[${k + 1}]</td><td><b>${esc(col.spec.label)}</b></td><td>${esc(describeColumn(col))}${link}</td><td><span class="badge"><span class="l">${esc(badge.label)}</span><span class="${badge.color}">${esc(badge.message)}</span></span></td></tr>`;
  });
  const totals = areaTotals(c).map((t) => `<tr><th>${esc(t.area)}</th>${t.counts.map((counts) => `<td>${esc(totalCell(counts, t.total))}</td>`).join("")}</tr>`);
  const differ = c.rows.filter((r) => new Set(r.statuses).size > 1).length;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>nncheck compare: ${c.columns.length} implementations × ${c.rows.length} checks</title>
<style>${STYLE}${MATRIX_STYLE}</style></head>
<body>
<h1>nncheck compare: ${c.columns.length} implementations × ${c.rows.length} checks</h1>
<p>seed ${c.seed} · runs ${c.runs} · nncheck ${esc(c.suite.version)} · suite <code>${esc(c.suite.hash)}</code></p>
<h2>Implementations</h2>
<table class="areas"><tbody>${impls.join("")}</tbody></table>
<h2>By area (passed/total, then ${RESULT_STATUSES.filter((s) => s !== "passed").map((s) => `${SYMBOL[s]} ${s}`).join(", ")})</h2>
<table class="matrix"><thead><tr><th>area</th>${c.columns.map((col, k) => `<th>[${k + 1}] ${esc(col.spec.label)}</th>`).join("")}</tr></thead><tbody>${totals.join("")}</tbody></table>
<h2>Every check (${differ} where the implementations differ, marked at the left)</h2>
<p class="legend-statuses">${RESULT_STATUSES.map((s) => `<span class="s-${s}">${SYMBOL[s]} ${s}</span>`).join("")}<span>· not run</span></p>
<table class="matrix"><thead>${head}</thead><tbody>
${rows.join("\n")}
</tbody></table>
</body></html>`;
}
