/** Escaping, number formats and the colour scales the HTML report shares. */
import { printable } from "../printable.ts";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` safe as HTML element content or a quoted attribute value; control characters shown as U+FFFD. */
export function esc(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A number for a cell or a label: 3 significant digits, exponent form beyond 1e±4, `∞` and `NaN` spelled out. */
export function short(x: number | null | undefined): string {
  if (x === null || x === undefined) return "–";
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "−∞";
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e4 || a < 1e-3) return x.toExponential(1).replace("e+", "e");
  return String(Number(x.toPrecision(3)));
}

/** A number in full (shortest round-trip form), for tables and tooltips. */
export const full = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : Object.is(x, -0) ? "-0" : String(x));

type Rgb = readonly [number, number, number];

const hex = (c: string): Rgb => [1, 3, 5].map((k) => Number.parseInt(c.slice(k, k + 2), 16)) as unknown as Rgb;

/** The colour at `t` in [0, 1] along `stops` (hex colours, evenly spaced). */
function along(stops: readonly string[], t: number): Rgb {
  const u = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const k = Math.min(stops.length - 2, Math.floor(u));
  const a = hex(stops[k]!), b = hex(stops[k + 1]!);
  return a.map((v, i) => Math.round(v + (b[i]! - v) * (u - k))) as unknown as Rgb;
}

const css = ([r, g, b]: Rgb): string => `rgb(${r},${g},${b})`;
/** Black or white, whichever reads on `rgb`. */
const ink = ([r, g, b]: Rgb): string => (0.299 * r + 0.587 * g + 0.114 * b > 140 ? "#111" : "#fff");

/** Passing ratios (≤ 1): light to mid blue. Failing ones (> 1): ColorBrewer's YlOrBr, by log10 of the ratio up to 1e16. */
const PASS = ["#eef3f8", "#9ecae1"];
const FAIL = ["#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04", "#4d1a02"];
/** Values: ColorBrewer's RdBu diverging scale, blue negative, red positive. */
const DIVERGING = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

/** The fill and text colour of a cell whose error / tolerance is `ratio` (blue-ish passes, yellow to brown fails). */
export function ratioColor(ratio: number): { fill: string; text: string } {
  const rgb = ratio <= 1 ? along(PASS, ratio) : along(FAIL, Number.isFinite(ratio) ? Math.log10(ratio) / 16 : 1);
  return { fill: css(rgb), text: ink(rgb) };
}

/** The fill and text colour of a value `v` on a symmetric scale ±`max`. */
export function valueColor(v: number, max: number): { fill: string; text: string } {
  const rgb = along(DIVERGING, max > 0 && Number.isFinite(v) ? (v / max + 1) / 2 : 0.5);
  return { fill: css(rgb), text: ink(rgb) };
}

/** The CSS gradient of the ratio scale, for its legend: pass (0 … 1) then fail (1 … 1e16). */
export function ratioLegendGradient(): string {
  const stops = [...PASS.map((c, k) => `${c} ${(k / (PASS.length - 1)) * 20}%`), ...FAIL.map((c, k) => `${c} ${20 + (k / (FAIL.length - 1)) * 80}%`)];
  return `linear-gradient(to right, ${stops.join(", ")})`;
}
