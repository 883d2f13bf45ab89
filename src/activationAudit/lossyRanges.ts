/** One audited point of one function (f or f′). */
export interface PointError {
  readonly x: number;
  /** The exact value rounded to float64. */
  readonly exact: number;
  readonly actual: number;
  /** |actual − exact| in ulps of the declared dtype at the exact value (Infinity when not finite). */
  readonly ulps: number;
  /** |actual − exact| (Infinity when not finite). */
  readonly absError: number;
  /** One ulp of the declared dtype at the exact value. */
  readonly ulp: number;
  /** The largest |actual − exact| the core bound allows here: max(LOSSY_ULPS ulps, the engine's absolute allowance). */
  readonly allowed: number;
}

/** A stretch of the sorted domain where the error exceeds the threshold (short good gaps bridged, see MERGE_GAP). */
export interface LossyRange {
  /** The first and last lossy points (inclusive). */
  readonly from: number;
  readonly to: number;
  /** How many domain points beyond the threshold the range holds. */
  readonly points: number;
  /** How many domain points lie in [from, to] in all. */
  readonly spanned: number;
  /** The largest finite error of the range, in ulps, and where (undefined when no lossy point is finite). */
  readonly worstUlps: number | undefined;
  readonly worstAt: number | undefined;
  /** Every finite lossy point of the range answered 0 (a flush to zero). */
  readonly allZero: boolean;
  /** Lossy points that answered NaN or ±Infinity. */
  readonly nonFinite: number;
}

/**
 * Runs of lossy points separated by at most this many good ones are reported as one range: an error hovering
 * about the threshold would otherwise break one region of lost accuracy into a dozen one-point ranges.
 */
export const MERGE_GAP = 3;

/**
 * The ranges of `points` (sorted by x) whose `ulps` exceed `threshold`: maximal runs of consecutive lossy points,
 * runs separated by at most MERGE_GAP good points joined, as intervals [from, to].
 */
export function lossyRanges(points: readonly PointError[], threshold: number): LossyRange[] {
  const lossy = points.map((p, k) => ({ p, k })).filter(({ p }) => p.ulps > threshold);
  const groups: (typeof lossy)[] = [];
  for (const item of lossy) {
    const group = groups[groups.length - 1];
    if (group !== undefined && item.k - group[group.length - 1]!.k <= MERGE_GAP + 1) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const run = group.map(({ p }) => p);
    const finite = run.filter((p) => Number.isFinite(p.actual));
    const worst = finite.length === 0 ? undefined : finite.reduce((w, p) => (p.ulps > w.ulps ? p : w));
    return {
      from: run[0]!.x,
      to: run[run.length - 1]!.x,
      points: run.length,
      spanned: group[group.length - 1]!.k - group[0]!.k + 1,
      worstUlps: worst?.ulps,
      worstAt: worst?.x,
      allZero: finite.length > 0 && finite.every((p) => p.actual === 0),
      nonFinite: run.length - finite.length,
    };
  });
}

/** A range for people: `[-1000, -354.9] (174 points: 79 not finite; worst finite 3.1e+12 ulps at -400, all 0)`. */
export function describeRange(r: LossyRange): string {
  const span = r.from === r.to ? `x = ${showX(r.from)}` : `[${showX(r.from)}, ${showX(r.to)}]`;
  const count = r.points === r.spanned ? `${r.points} point${r.points === 1 ? "" : "s"}` : `${r.points} of ${r.spanned} points`;
  const parts: string[] = [];
  if (r.nonFinite > 0) parts.push(`${r.nonFinite} not finite`);
  if (r.worstUlps !== undefined) {
    const zero = r.allZero ? `, ${r.nonFinite > 0 ? "the finite ones " : ""}all 0` : "";
    parts.push(`worst ${r.nonFinite > 0 ? "finite " : ""}${formatUlps(r.worstUlps)} ulps at ${showX(r.worstAt!)}${zero}`);
  }
  return `${span} (${count}: ${parts.join("; ")})`;
}

/** An ulp count for messages: integers below 1e4 as they are, the rest in 3 significant digits. */
export function formatUlps(ulps: number): string {
  if (!Number.isFinite(ulps)) return String(ulps);
  return ulps < 1e4 ? String(Math.round(ulps * 100) / 100) : ulps.toPrecision(3);
}

/** An input for messages, keeping the sign of −0. */
export function showX(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}
