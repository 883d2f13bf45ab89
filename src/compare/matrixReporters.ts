/** The comparison matrix — checks × implementations, with per-area totals — as text, Markdown and JSON. */
import { areaOf } from "../harness/reporters/areas.ts";
import { SYMBOL } from "../harness/reporters/html/htmlReporter.ts";
import { inline } from "../harness/reporters/markdownReporter.ts";
import { compactJsonText } from "../harness/reporters/compactJsonText.ts";
import { RESULT_STATUSES, type ResultStatus } from "../harness/runReport.ts";
import type { CompareColumn, ImplementationMatrix } from "./compareRuns.ts";
import { badgeOf, reportCardOf, slug } from "./reportCard.ts";

/** A cell's symbol: the status's, or `·` when the implementation did not run. */
export const cellSymbol = (s: ResultStatus | null): string => (s === null ? "·" : SYMBOL[s]);

/** Per area, per column: how many checks ended in each status (null: the column did not run). */
export function areaTotals(c: ImplementationMatrix): { area: string; total: number; counts: (Record<ResultStatus, number> | null)[] }[] {
  const areas = new Map<string, (typeof c.rows)[number][]>();
  for (const row of c.rows) areas.set(areaOf(row.id), [...(areas.get(areaOf(row.id)) ?? []), row]);
  const all: [string, (typeof c.rows)[number][]][] = [...areas, ["all", [...c.rows]]];
  return all.map(([area, rows]) => ({
    area, total: rows.length,
    counts: c.columns.map((col, k) => col.report === undefined ? null : Object.fromEntries(RESULT_STATUSES.map((s) => [s, rows.filter((r) => r.statuses[k] === s).length])) as Record<ResultStatus, number>),
  }));
}

/** `11/162 ✗11 ⊘140`: passed of total, then the other statuses that occurred. */
export function totalCell(counts: Record<ResultStatus, number> | null, total: number): string {
  if (counts === null) return "not run";
  const others = RESULT_STATUSES.filter((s) => s !== "passed" && counts[s] > 0).map((s) => `${SYMBOL[s]}${counts[s]}`);
  return [`${counts.passed}/${total}`, ...others].join(" ");
}

/** `numpy example adapter (python, float64)`, or why the implementation did not run. */
export function describeColumn(col: CompareColumn): string {
  const hello = col.report?.implementation;
  if (hello === undefined) return `did not run: ${col.error ?? "unknown"}`;
  return `${hello.name} (${[hello.language, hello.dtype].filter((x) => x !== undefined && x !== "").join(", ")})`;
}

const LEGEND = `${RESULT_STATUSES.map((s) => `${SYMBOL[s]} ${s}`).join("  ")}  · not run`;

/** The matrix for a terminal: the implementations, the per-area totals, then one row per check. */
export function prettyMatrix(c: ImplementationMatrix): string {
  const keys = c.columns.map((_, k) => `[${k + 1}]`);
  const lines = [
    `nncheck compare — ${c.columns.length} ${c.columns.length === 1 ? "implementation" : "implementations"} × ${c.rows.length} checks, seed ${c.seed}, runs ${c.runs}, suite ${c.suite.version} ${c.suite.hash.slice(0, 19)}…`,
    ...c.columns.map((col, k) => `  ${keys[k]} ${col.spec.label}: ${describeColumn(col).split("\n")[0]}`),
    "",
  ];
  const totals = areaTotals(c);
  const cells = totals.map((t) => t.counts.map((counts) => totalCell(counts, t.total)));
  const areaWidth = Math.max(4, ...totals.map((t) => t.area.length));
  const widths = keys.map((key, k) => Math.max(key.length, ...cells.map((row) => row[k]!.length)));
  lines.push(`${"area".padEnd(areaWidth)}  ${keys.map((key, k) => key.padEnd(widths[k]!)).join("  ")}`.trimEnd());
  totals.forEach((t, i) => lines.push(`${t.area.padEnd(areaWidth)}  ${cells[i]!.map((cell, k) => cell.padEnd(widths[k]!)).join("  ")}`.trimEnd()));
  const idWidth = Math.max(5, ...c.rows.map((r) => r.id.length));
  lines.push("", LEGEND, "", `${"check".padEnd(idWidth)}  ${keys.join(" ")}`);
  for (const row of c.rows) lines.push(`${row.id.padEnd(idWidth)}  ${row.statuses.map((s, k) => cellSymbol(s).padEnd(keys[k]!.length)).join(" ")}`.trimEnd());
  return lines.join("\n");
}

/** The matrix as GitHub-flavoured Markdown: implementations, per-area totals, the checks where they differ, then every check (collapsed). */
export function markdownMatrix(c: ImplementationMatrix): string {
  const header = `| check | ${c.columns.map((col) => inline(col.spec.label)).join(" | ")} |\n|---|${c.columns.map(() => ":-:").join("|")}|`;
  const row = (r: (typeof c.rows)[number]) => `| \`${r.id}\` | ${r.statuses.map(cellSymbol).join(" | ")} |`;
  const differ = c.rows.filter((r) => new Set(r.statuses).size > 1);
  return [
    `## nncheck compare: ${c.columns.length} implementations × ${c.rows.length} checks`, "",
    `seed ${c.seed} · runs ${c.runs} · nncheck ${c.suite.version} · suite \`${c.suite.hash.slice(0, 19)}…\``, "",
    "| label | implementation | passed | badge |", "|---|---|--:|---|",
    ...c.columns.map((col) => `| ${inline(col.spec.label)} | ${inline(describeColumn(col))} | ${col.report?.summary.passed ?? 0}/${c.rows.length} | \`${slug(col.spec.label)}.badge.json\`: ${inline(badgeOf(col, c.rows.length).message)} |`), "",
    `| area | ${c.columns.map((col) => inline(col.spec.label)).join(" | ")} |`, `|---|${c.columns.map(() => "--:").join("|")}|`,
    ...areaTotals(c).map((t) => `| ${t.area === "all" ? "**all**" : t.area} | ${t.counts.map((counts) => totalCell(counts, t.total)).join(" | ")} |`), "",
    LEGEND, "",
    `### Checks where the implementations differ (${differ.length})`, "",
    ...(differ.length === 0 ? ["None: every check ended the same way everywhere."] : [header, ...differ.map(row)]), "",
    `<details><summary>All ${c.rows.length} checks</summary>`, "", header, ...c.rows.map(row), "", "</details>",
  ].join("\n");
}

/** The matrix as JSON: the run's settings, per implementation its report card and badge, and every row. */
export function jsonMatrix(c: ImplementationMatrix): string {
  return compactJsonText({
    nncheck: c.nncheck, suite: c.suite, seed: c.seed, runs: c.runs,
    implementations: c.columns.map((col) => ({ ...reportCardOf(col, c), badge: badgeOf(col, c.rows.length), files: filesOf(col.spec.label) })),
    areas: areaTotals(c).map((t) => ({ area: t.area, total: t.total, counts: t.counts })),
    checks: c.rows.map((r) => ({ id: r.id, statuses: r.statuses })),
  });
}

/** The files `nncheck compare` writes for an implementation, in the output directory. */
export function filesOf(label: string): { report: string; html: string; card: string; badge: string } {
  const s = slug(label);
  return { report: `${s}.report.json`, html: `${s}.report.html`, card: `${s}.card.json`, badge: `${s}.badge.json` };
}
