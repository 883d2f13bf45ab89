/**
 * The heatmap of a failing comparison: per layer (W1 beside b1, W2 beside b2, Z1 beside A1…) three panels — the
 * entries' |actual − exact| / tolerance, the exact values and the implementation's — one SVG cell per entry, named
 * in its tooltip; then a table of every entry. A bug's pattern shows at a glance: identical rows in the actual
 * panel (a broadcast), a transposed block, one dead row.
 */
import type { EntryGrid, EntryHeatmap } from "../../../checks/entryHeatmap.ts";
import { esc, full, ratioColor, ratioLegendGradient, short, valueColor } from "./htmlText.ts";

/** The name of cell (i, j) of `g`: `W1[i][j]`, `b1[i]` or `cost`. */
export function cellName(g: EntryGrid, i: number, j: number): string {
  return g.indices === 0 ? g.name : g.indices === 1 ? `${g.name}[${i}]` : `${g.name}[${i}][${j}]`;
}

const verdictOf = (g: EntryGrid, i: number, j: number): "pass" | "fail" | "unjudged" | "missing" => {
  const r = g.ratio[i]![j];
  if (r === null || r === undefined) return "missing";
  if (g.unjudged?.some(([a, b]) => a === i && b === j)) return "unjudged";
  return r <= 1 ? "pass" : "fail";
};

type Panel = "ratio" | "expected" | "actual";

function gridSvg(g: EntryGrid, panel: Panel): string {
  const dense = g.cols > 10 || g.rows > 24;
  const cw = dense ? 16 : 54, ch = dense ? 14 : 24, top = 16;
  const values = [...g.expected.flat(), ...g.actual.flat()].filter((v): v is number => v !== null && Number.isFinite(v));
  const max = Math.max(0, ...values.map(Math.abs));
  const cells: string[] = [];
  for (let i = 0; i < g.rows; i++) {
    for (let j = 0; j < g.cols; j++) {
      const name = cellName(g, i, j), verdict = verdictOf(g, i, j);
      const x = j * cw, y = top + i * ch;
      const ratio = g.ratio[i]![j] ?? null, exact = g.expected[i]![j] ?? null, actual = g.actual[i]![j] ?? null;
      const tip = `${name}: exact ${full(exact)}, actual ${full(actual)}, |actual − exact| / tolerance = ${short(ratio)}${verdict === "fail" ? " ✗ beyond the tolerance" : verdict === "unjudged" ? " (on a ReLU kink: not judged)" : verdict === "missing" ? " (not compared)" : " ✓"}`;
      if (verdict === "missing") {
        cells.push(`<rect class="missing" x="${x}" y="${y}" width="${cw - 1}" height="${ch - 1}"><title>${esc(tip)}</title></rect>`);
        continue;
      }
      const value = panel === "ratio" ? ratio! : panel === "expected" ? exact! : actual!;
      const { fill, text } = panel === "ratio" ? ratioColor(value) : valueColor(value, max);
      const attrs = panel === "ratio" ? `class="cell ${verdict}" data-entry="${esc(name)}" data-ratio="${esc(String(ratio))}"` : `class="vcell" data-value-of="${esc(name)}" data-value="${esc(full(value))}"`;
      cells.push(`<rect ${attrs} x="${x}" y="${y}" width="${cw - 1}" height="${ch - 1}" fill="${fill}"${verdict === "unjudged" && panel === "ratio" ? ' stroke-dasharray="3 2"' : ""}><title>${esc(tip)}</title></rect>`);
      if (!dense) {
        const label = panel === "ratio" && verdict === "fail" ? `✗${short(value)}` : short(value);
        cells.push(`<text x="${x + (cw - 1) / 2}" y="${y + ch / 2 + 4}" fill="${text}" text-anchor="middle" aria-hidden="true">${esc(label)}</text>`);
      }
    }
  }
  const width = g.cols * cw, height = top + g.rows * ch;
  return `<svg class="grid" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${g.name}, ${panel}`)}"><text class="gname" x="0" y="11">${esc(g.name)}</text>${cells.join("")}</svg>`;
}

/** Grids in groups of one layer: the same trailing number (W1 with b1, Z2 with A2), others alone. */
function layerGroups(grids: readonly EntryGrid[]): EntryGrid[][] {
  const groups = new Map<string, EntryGrid[]>();
  for (const g of grids) {
    const key = /\d+$/.exec(g.name)?.[0] ?? `#${g.name}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups.values()];
}

const PANELS: readonly [Panel, string][] = [["ratio", "|actual − exact| / tolerance"], ["expected", "exact"], ["actual", "actual"]];

/** The heatmap figure of one case and the table of its entries. */
export function heatmapHtml(heatmap: EntryHeatmap): string {
  const groups = layerGroups(heatmap.grids).map((group) =>
    `<div class="layer">${PANELS.map(([panel, title]) => `<div class="panel panel-${panel}"><div class="ptitle">${esc(title)}</div><div class="grids">${group.map((g) => gridSvg(g, panel)).join("")}</div></div>`).join("")}</div>`);
  const rows = heatmap.grids.flatMap((g) => g.ratio.flatMap((row, i) => row.flatMap((_, j) => {
    const verdict = verdictOf(g, i, j);
    if (verdict === "missing") return [];
    const mark = verdict === "fail" ? "✗ fails" : verdict === "unjudged" ? "at a kink" : "✓";
    return [`<tr class="${verdict}" data-entry="${esc(cellName(g, i, j))}"><td><code>${esc(cellName(g, i, j))}</code></td><td>${esc(full(g.expected[i]![j]))}</td><td>${esc(full(g.actual[i]![j]))}</td><td>${esc(short(g.ratio[i]![j]))}</td><td>${mark}</td></tr>`];
  })));
  const failing = heatmap.grids.reduce((n, g) => n + g.ratio.flat().filter((_, k) => verdictOf(g, Math.floor(k / g.cols), k % g.cols) === "fail").length, 0);
  return `<figure class="heatmap" data-case="${heatmap.case}">
<figcaption>Every entry of case ${heatmap.case} (${esc(heatmap.kind)}): ${failing} of ${rows.length} beyond their tolerance. Left, each entry's |actual − exact| / tolerance (✗ above 1); middle and right, the exact and the actual values on one colour scale. Hover a cell for its name and numbers.</figcaption>
<div class="scale"><span>0</span><span class="bar" style="background:${ratioLegendGradient()}"></span><span>1e16 × tolerance</span><span class="note">passing entries in blue, failing ones from yellow (just over) to brown (10¹⁶ ×); values: blue negative, red positive</span></div>
${groups.join("\n")}
<details class="entries"${rows.length <= 40 ? " open" : ""}><summary>All ${rows.length} entries of case ${heatmap.case}</summary>
<table class="entries"><thead><tr><th>entry</th><th>exact</th><th>actual</th><th>|actual − exact| / tolerance</th><th>verdict</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></details>
</figure>`;
}
