/**
 * The HTML report's stylesheet and script, inlined into every report (no network). Colours: Okabe–Ito's
 * colour-blind-safe palette for statuses and series (each status also has its symbol, each series its dash), a
 * light and a dark scheme by `prefers-color-scheme`. The script only filters; everything is readable without it.
 */
export const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1f; --muted: #5b5e66; --line: #d4d6db; --panel: #f5f6f8; --code: #eef0f3;
  --passed: #00805f; --failed: #c45100; --errored: #b0489a; --skipped: #6e7078; --xfailed: #2a7ab8; --xpassed: #a66f00;
  --s1: #0072b2; --s2: #d55e00; --band-value: rgba(0, 114, 178, 0.16); --band-derivative: rgba(213, 94, 0, 0.16); }
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171b; --fg: #e7e8ea; --muted: #a3a6ad; --line: #3b3f47; --panel: #1e2127; --code: #262a31;
    --passed: #3cc79c; --failed: #ff8f52; --errored: #e58fd2; --skipped: #a3a6ad; --xfailed: #6db9f2; --xpassed: #ebbd4f;
    --s1: #56b4e9; --s2: #f0a35e; --band-value: rgba(86, 180, 233, 0.2); --band-derivative: rgba(240, 163, 94, 0.2); }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 16px 20px 48px; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 22px; margin: 4px 0 6px; } h2 { font-size: 17px; margin: 26px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); border-radius: 4px; }
code { padding: 1px 4px; } pre { padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
.verdict { font-size: 16px; font-weight: 600; margin: 4px 0 10px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.s-passed { color: var(--passed); } .s-failed { color: var(--failed); } .s-errored { color: var(--errored); }
.s-skipped { color: var(--skipped); } .s-xfailed { color: var(--xfailed); } .s-xpassed { color: var(--xpassed); }
.b-passed { background: var(--passed); } .b-failed { background: var(--failed); } .b-errored { background: var(--errored); }
.b-skipped { background: var(--skipped); } .b-xfailed { background: var(--xfailed); } .b-xpassed { background: var(--xpassed); }
table.areas { border-collapse: collapse; width: 100%; } table.areas td, table.areas th { padding: 4px 8px; text-align: left; border-bottom: 1px solid var(--line); }
table.areas td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: flex; height: 16px; min-width: 240px; border-radius: 3px; overflow: hidden; background: var(--panel); }
.bar span { display: block; height: 100%; } .bar span + span { border-left: 2px solid var(--bg); }
.legend-statuses span { margin-right: 14px; white-space: nowrap; }
form#filter { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 10px; background: var(--panel); border-radius: 6px; margin-bottom: 10px; }
form#filter input[type=search] { min-width: 260px; padding: 3px 6px; }
details.check { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: var(--bg); }
details.check > summary { cursor: pointer; padding: 6px 10px; list-style-position: inside; }
details.check[open] > summary { border-bottom: 1px solid var(--line); background: var(--panel); }
details.check .body { padding: 8px 12px 12px; }
.status { font-weight: 700; display: inline-block; min-width: 86px; }
.summary-msg { color: var(--muted); }
.hints li { margin: 2px 0; } .note { color: var(--muted); }
figure { margin: 12px 0; } figcaption { color: var(--muted); margin-bottom: 6px; }
.layer { display: flex; flex-wrap: wrap; gap: 10px 26px; margin: 10px 0 14px; padding-bottom: 8px; border-bottom: 1px dashed var(--line); }
.panel .ptitle, .multiple .ptitle { font-size: 12px; color: var(--muted); margin-bottom: 2px; }
.panel .grids { display: flex; gap: 10px; align-items: flex-start; }
svg.grid text { font: 10.5px ui-monospace, Menlo, Consolas, monospace; } svg.grid .gname { fill: currentColor; font-weight: 700; }
svg.grid rect.fail { stroke: #000; stroke-width: 0.6; } svg.grid rect.missing { fill: none; stroke: var(--line); stroke-dasharray: 2 2; }
svg.grid rect.unjudged { stroke: currentColor; }
.scale { display: flex; align-items: center; gap: 8px; font-size: 12px; flex-wrap: wrap; }
.scale .bar { width: 260px; min-width: 0; height: 12px; }
table.entries { border-collapse: collapse; font-size: 12.5px; margin-top: 6px; } table.entries td, table.entries th { padding: 2px 10px; border-bottom: 1px solid var(--line); text-align: right; font-variant-numeric: tabular-nums; }
table.entries td:first-child, table.entries th:first-child { text-align: left; } table.entries tr.fail td { color: var(--failed); font-weight: 600; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 4px 0; color: var(--fg); }
svg.chart text { fill: currentColor; font-size: 11px; } svg.chart .tick { fill: var(--muted); }
svg.chart .frame { fill: none; stroke: var(--line); } svg.chart .grid { stroke: var(--line); stroke-width: 0.5; }
svg.chart polyline.series { fill: none; stroke-width: 1.6; }
svg.chart .s1 { stroke: var(--s1); } svg.chart .s2 { stroke: var(--s2); stroke-dasharray: 5 3; }
svg.chart polyline.ratio { stroke: var(--muted); stroke-width: 1; }
svg.chart .fail .marker { fill: var(--s2); } svg.chart .params .marker { fill: var(--s1); stroke: var(--bg); }
svg.chart .legend line { stroke-width: 2; }
svg.chart .ref.tolerance { stroke: var(--failed); stroke-dasharray: 6 3; } svg.chart .ref.core { stroke: var(--muted); stroke-dasharray: 2 3; }
svg.chart .reflabel { fill: var(--failed); font-size: 10.5px; }
svg.chart .band.lossy-value { fill: var(--band-value); } svg.chart .band.lossy-derivative { fill: var(--band-derivative); }
.multiple { display: inline-block; vertical-align: top; width: 49%; min-width: 420px; }
@media print { form#filter { display: none; } details.check { break-inside: avoid; } }
`;

/** Shows the filter form and applies it; `?status=failed,errored&q=oracle` (or the same after `#`) presets it. */
export const SCRIPT = `
(() => {
  const form = document.getElementById("filter");
  if (!form) return;
  form.hidden = false;
  const checks = [...document.querySelectorAll("details.check")];
  const boxes = [...form.querySelectorAll("input[name=status]")];
  const text = form.querySelector("input[name=q]");
  const shown = document.getElementById("shown");
  const params = new URLSearchParams(location.search || location.hash.slice(1));
  if (params.has("status")) { const wanted = params.get("status").split(","); boxes.forEach((b) => (b.checked = wanted.includes(b.value))); }
  if (params.has("q")) text.value = params.get("q");
  const apply = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    const q = text.value.trim().toLowerCase();
    let n = 0;
    for (const c of checks) {
      const show = on.has(c.dataset.status) && (q === "" || c.dataset.id.toLowerCase().includes(q));
      c.hidden = !show;
      if (show) n++;
    }
    shown.textContent = n + " of " + checks.length + " checks shown";
  };
  form.addEventListener("input", apply);
  apply();
})();
`;
