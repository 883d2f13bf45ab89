/**
 * The curves of the HTML report: a train check's cost per step (the implementation's over the exact run's) and
 * its per-step error / tolerance; an activation audit's ulp error over x with the lossy ranges shaded.
 */
import type { UlpCurve } from "../../../checks/activationChecks.ts";
import type { CostCurveCase } from "../../../checks/comparisonOutcome.ts";
import { esc, short } from "./htmlText.ts";
import { lineChart, niceTicks, powerTicks, type Series } from "./lineChart.ts";

/** log10 of an error / tolerance, clipped to the chart: 0 at the bottom (−4), ∞ at the top (17). */
const logRatio = (r: number) => (r <= 0 ? -4 : Number.isFinite(r) ? Math.min(17, Math.max(-4, Math.log10(r))) : 17);
const RATIO_AXIS = { min: -4, max: 17, label: "error / tolerance", ticks: powerTicks([-4, -2, 0, 2, 4, 8, 12, 16]) };

/** Whether the cases continue each other (a trajectory sent in chunks): then they are drawn as one run. */
const continuous = (cases: readonly CostCurveCase[]) =>
  cases.length > 1 && cases.every((c, k) => k === 0 || c.firstStep === cases[k - 1]!.firstStep + cases[k - 1]!.exact.length);

/** One cost chart and one error / tolerance chart for `cases` drawn on one step axis. */
function costCharts(cases: readonly CostCurveCase[], title: string, width?: number): string {
  const steps = cases.flatMap((c) => c.exact.map((_, k) => c.firstStep + k));
  const last = Math.max(1, ...cases.map((c) => c.firstStep + Math.max(1, c.exact.length) - 1));
  const x = { min: cases[0]!.firstStep, max: last, label: "step", ticks: niceTicks(cases[0]!.firstStep, last, 8) };
  const finite = cases.flatMap((c) => [...c.exact, ...c.actual]).filter(Number.isFinite);
  let chart = "";
  if (steps.length > 0) {
    const lo = Math.min(...finite), hi = Math.max(...finite), pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
    const clip = (v: number) => (Number.isFinite(v) ? v : v > 0 ? hi + pad : lo - pad);
    chart = lineChart({
      title: `${title}: cost per step, implementation over the exact run`,
      x, y: { min: lo - pad, max: hi + pad, label: "cost", ticks: niceTicks(lo - pad, hi + pad, 4, short) },
      series: [
        { name: "exact (oracle)", className: "s1", points: cases.flatMap((c) => c.exact.map((v, k) => [c.firstStep + k, clip(v)] as const)) },
        { name: "implementation", className: "s2", points: cases.flatMap((c) => c.actual.map((v, k) => [c.firstStep + k, clip(v)] as const)) },
      ],
      ...(width !== undefined ? { width } : {}),
    });
  }
  const ratios: Series = { name: "cost error / tolerance", className: "ratio", points: cases.flatMap((c) => c.ratio.map((r, k) => [c.firstStep + k, logRatio(r)] as const)) };
  const failing: Series = { name: "cost beyond tolerance", className: "fail", marker: "triangle", points: cases.flatMap((c) => c.ratio.flatMap((r, k) => (r > 1 ? [[c.firstStep + k, logRatio(r)] as const] : []))) };
  const params: Series = { name: "final parameters (worst)", className: "params", marker: "diamond", points: cases.flatMap((c) => (c.paramsRatio === null ? [] : [[c.firstStep + Math.max(1, c.exact.length) - 1, logRatio(c.paramsRatio)] as const])) };
  const ratioChart = lineChart({ title: `${title}: error / tolerance per step`, x, y: RATIO_AXIS, series: [ratios, failing, params], hlines: [{ y: 0, label: "tolerance", className: "tolerance" }], height: 200, ...(width !== undefined ? { width } : {}) });
  return `${chart}${ratioChart}`;
}

/** The cost curve section of a train check: one run (a chunked trajectory) or small multiples (independent cases). */
export function costCurveHtml(cases: readonly CostCurveCase[]): string {
  if (cases.length === 0) return "";
  const note = cases.every((c) => c.exact.length === 0) ? `<p class="note">The answers had no <code>costs</code>: only the final parameters were compared.</p>` : "";
  const body = continuous(cases)
    ? costCharts(cases, `steps ${cases[0]!.firstStep}–${cases.at(-1)!.firstStep + cases.at(-1)!.exact.length - 1}`)
    : cases.slice(0, 6).map((c) => `<div class="multiple"><div class="ptitle">case ${c.case} (${esc(c.kind)})</div>${costCharts([c], `case ${c.case}`, 560)}</div>`).join("") + (cases.length > 6 ? `<p class="note">${cases.length - 6} more cases not drawn.</p>` : "");
  return `<figure class="curve cost-curve" data-cases="${cases.length}"><figcaption>Cost before each step: the implementation's (dashed) over the exact run's (solid), and each step's error / tolerance (▲ beyond it; ◆ the final parameters' worst).${continuous(cases) ? " The run was sent in chunks, each starting from the exact parameters." : ""}</figcaption>${note}${body}</figure>`;
}

/** The x axis of the ulp curve: sign(x)·log10(1 + |x|). */
const axisX = (x: number) => Math.sign(x) * Math.log10(1 + Math.abs(x));

/** The ulp curve of an audit, its lossy ranges shaded (f and f′ apart), the core domain and the lossy threshold marked. */
export function ulpCurveHtml(curve: UlpCurve, name: string, lossyRanges: { value?: readonly { from: number; to: number; text?: string }[]; derivative?: readonly { from: number; to: number; text?: string }[] } | undefined): string {
  const y = (u: number) => (Number.isFinite(u) ? Math.log10(1 + u) : 17.5);
  const at = (k: number) => axisX((curve.x0[k]! + curve.x1[k]!) / 2);
  const xs = [-1000, -100, -10, -1, 0, 1, 10, 100, 1000];
  const bands = (["value", "derivative"] as const).flatMap((part) => (lossyRanges?.[part] ?? []).map((r) => ({
    from: axisX(r.from), to: axisX(r.to), className: `lossy-${part}`, label: `${part === "value" ? name : `${name}′`} lossy on ${r.text ?? `[${r.from}, ${r.to}]`}`,
  })));
  const chart = lineChart({
    title: `${name}: ulp error of f and f′ over x`,
    x: { min: axisX(-1000), max: axisX(1000), label: "x (linear near 0, logarithmic beyond ±1)", ticks: xs.map((v) => [axisX(v), String(v)]) },
    y: { min: 0, max: 18, label: "ulps", ticks: [[0, "0"], [1, "9"], [2, "99"], [4, "1e4"], [8, "1e8"], [12, "1e12"], [16, "1e16"], [17.5, "∞"]] },
    series: [
      { name: `${name}(x)`, className: "s1", points: curve.value.map((u, k) => [at(k), y(u)] as const) },
      { name: `${name}′(x)`, className: "s2", points: curve.derivative.map((u, k) => [at(k), y(u)] as const) },
    ],
    bands,
    hlines: [{ y: Math.log10(1 + curve.lossyUlps), label: `lossy: > ${curve.lossyUlps} ulps`, className: "tolerance" }],
    vlines: [{ x: axisX(-curve.coreLimit), label: `core domain |x| ≤ ${curve.coreLimit}`, className: "core" }, { x: axisX(curve.coreLimit), label: `core domain |x| ≤ ${curve.coreLimit}`, className: "core" }],
    height: 240,
  });
  const lossy = bands.length === 0 ? "no lossy range" : `${bands.length} lossy ${bands.length === 1 ? "range" : "ranges"} shaded`;
  return `<figure class="curve ulp-curve" data-lossy="${bands.length}"><figcaption>Worst ulp error per bin of x for ${esc(name)} (solid) and ${esc(name)}′ (dashed); ${lossy} (hatched: f, dotted: f′); the dotted verticals bound the core domain |x| ≤ ${curve.coreLimit}, where accuracy is required; ∞ is a non-finite answer.</figcaption>${chart}</figure>`;
}
