/** A small inline-SVG line chart: axes with ticks, lines and markers, shaded x bands, horizontal reference lines. */
import { esc } from "./htmlText.ts";

/** One plotted series; `points` in data units (x, y), y already clipped to the axis. */
export interface Series {
  readonly name: string;
  /** CSS class of the line (colour and dash come from the stylesheet: each series differs in both). */
  readonly className: string;
  readonly points: readonly (readonly [number, number])[];
  /** Draw markers instead of a line (`marker` names the marker class: "dot", "diamond", "triangle"). */
  readonly marker?: string;
}

export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  /** Tick positions (data units) and their labels. */
  readonly ticks: readonly (readonly [number, string])[];
}

export interface ChartSpec {
  readonly title: string;
  readonly x: Axis;
  readonly y: Axis;
  readonly series: readonly Series[];
  /** Shaded x intervals (e.g. lossy ranges), each with a class and a label for its tooltip. */
  readonly bands?: readonly { readonly from: number; readonly to: number; readonly className: string; readonly label: string }[];
  /** Horizontal reference lines (e.g. the tolerance). */
  readonly hlines?: readonly { readonly y: number; readonly label: string; readonly className: string }[];
  /** Vertical reference lines. */
  readonly vlines?: readonly { readonly x: number; readonly label: string; readonly className: string }[];
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { left: 58, right: 24, top: 22, bottom: 38 };
const f = (v: number) => (Math.round(v * 10) / 10).toString();

/** The chart as an `<svg>` element with a `<title>` (for screen readers and tooltips) and a legend above the plot. */
export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 960, height = spec.height ?? 220;
  const w = width - MARGIN.left - MARGIN.right, h = height - MARGIN.top - MARGIN.bottom;
  const span = (a: Axis) => (a.max - a.min === 0 ? 1 : a.max - a.min);
  const X = (x: number) => MARGIN.left + ((x - spec.x.min) / span(spec.x)) * w;
  const Y = (y: number) => MARGIN.top + h - ((y - spec.y.min) / span(spec.y)) * h;
  const parts: string[] = [`<title>${esc(spec.title)}</title>`];
  for (const b of spec.bands ?? []) {
    const x0 = X(Math.max(spec.x.min, b.from)), x1 = X(Math.min(spec.x.max, b.to));
    parts.push(`<rect class="band ${b.className}" x="${f(x0)}" y="${MARGIN.top}" width="${f(Math.max(1.5, x1 - x0))}" height="${h}"><title>${esc(b.label)}</title></rect>`);
  }
  parts.push(`<rect class="frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${w}" height="${h}"/>`);
  for (const [x, label] of spec.x.ticks) {
    parts.push(`<line class="grid" x1="${f(X(x))}" x2="${f(X(x))}" y1="${MARGIN.top}" y2="${MARGIN.top + h}"/>`, `<text class="tick" x="${f(X(x))}" y="${MARGIN.top + h + 14}" text-anchor="middle">${esc(label)}</text>`);
  }
  for (const [y, label] of spec.y.ticks) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + w}" y1="${f(Y(y))}" y2="${f(Y(y))}"/>`, `<text class="tick" x="${MARGIN.left - 5}" y="${f(Y(y) + 4)}" text-anchor="end">${esc(label)}</text>`);
  }
  for (const l of spec.vlines ?? []) parts.push(`<line class="ref ${l.className}" x1="${f(X(l.x))}" x2="${f(X(l.x))}" y1="${MARGIN.top}" y2="${MARGIN.top + h}"><title>${esc(l.label)}</title></line>`);
  for (const l of spec.hlines ?? []) {
    parts.push(`<line class="ref ${l.className}" x1="${MARGIN.left}" x2="${MARGIN.left + w}" y1="${f(Y(l.y))}" y2="${f(Y(l.y))}"><title>${esc(l.label)}</title></line>`,
      `<text class="reflabel" x="${MARGIN.left + w - 4}" y="${f(Y(l.y) - 4)}" text-anchor="end">${esc(l.label)}</text>`);
  }
  for (const s of spec.series) {
    if (s.points.length === 0) continue;
    if (s.marker !== undefined) {
      parts.push(`<g class="series ${s.className}">${s.points.map(([x, y]) => marker(s.marker!, X(x), Y(y))).join("")}</g>`);
    } else {
      parts.push(`<polyline class="series ${s.className}" points="${s.points.map(([x, y]) => `${f(X(x))},${f(Y(y))}`).join(" ")}"/>`);
    }
  }
  parts.push(`<text class="axislabel" x="${MARGIN.left + w / 2}" y="${height - 4}" text-anchor="middle">${esc(spec.x.label)}</text>`,
    `<text class="axislabel" x="12" y="${MARGIN.top + h / 2}" text-anchor="middle" transform="rotate(-90 12 ${MARGIN.top + h / 2})">${esc(spec.y.label)}</text>`);
  let next = MARGIN.left;
  const legend = spec.series.filter((s) => s.points.length > 0).map((s) => {
    const x = next;
    next += 40 + 6.5 * s.name.length;
    const sample = s.marker !== undefined ? marker(s.marker, x + 9, 11) : `<line class="series ${s.className}" x1="${x}" x2="${x + 18}" y1="11" y2="11"/>`;
    return `<g class="legend${s.marker !== undefined ? ` series ${s.className}` : ""}">${sample}<text x="${x + 24}" y="15">${esc(s.name)}</text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(spec.title)}">${parts.join("")}${legend.join("")}</svg>`;
}

function marker(kind: string, x: number, y: number): string {
  if (kind === "diamond") return `<path class="marker" d="M${f(x)} ${f(y - 5)}l5 5l-5 5l-5 -5z"/>`;
  if (kind === "triangle") return `<path class="marker" d="M${f(x)} ${f(y - 5)}l5 9h-10z"/>`;
  return `<circle class="marker" cx="${f(x)}" cy="${f(y)}" r="2.5"/>`;
}

/** About `count` ticks at round numbers (1, 2 or 5 × 10^k apart) between `min` and `max`, labelled by `label`. */
export function niceTicks(min: number, max: number, count = 5, label: (v: number) => string = String): [number, string][] {
  const raw = (max - min) / count;
  if (!(raw > 0) || !Number.isFinite(raw)) return [[min, label(min)]];
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: [number, string][] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    const rounded = Number(v.toPrecision(12));
    ticks.push([rounded, label(rounded)]);
  }
  return ticks;
}

/** Ticks at `values` on a log10 axis, labelled 10^k (0 as "1"). */
export function powerTicks(exponents: readonly number[]): [number, string][] {
  return exponents.map((e) => [e, e === 0 ? "1" : e === 1 ? "10" : `1e${e}`]);
}
