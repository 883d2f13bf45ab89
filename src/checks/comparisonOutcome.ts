import { diagnose, diagnoseForward } from "../diagnosis/index.ts";
import { compareForward, compareGradients, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, type CompareOptions, type Comparison } from "../gradcheck/index.ts";
import type { CheckContext, CheckOutcome, Hint } from "../harness/check.ts";
import type { ForwardRequest, ForwardResult, GradientsRequest, GradientsResult } from "../implementation.ts";
import { compactRatio, entryGrids, MAX_HEATMAP_CELLS, significant, toleranceRatio, type EntryHeatmap } from "./entryHeatmap.ts";

/** One compared case: which, what was sent and answered, and the verdict. */
export interface ComparedCase {
  readonly kind: string;
  readonly index: number;
  readonly request: unknown;
  readonly actual: unknown;
  readonly comparison: Comparison;
  /** Hints about the likely bug, when a diagnosis applies (gradients). */
  readonly hints?: readonly Hint[];
  /** Hints computed only if this case is the one a failure names (step and train: their hypotheses rerun the oracle). */
  readonly diagnosis?: () => readonly Hint[];
  /** For a `train` case that continues a longer run (a trajectory chunk): the run's step number of its first step. */
  readonly firstStep?: number;
}

/** One `train` case's per-step costs for a cost curve: the exact run's, the implementation's, and their error / tolerance. */
export interface CostCurveCase {
  readonly case: number;
  readonly kind: string;
  /** The run's step number of `exact[0]` (0 unless the case continues a longer run). */
  readonly firstStep: number;
  /** Cost before each step, 6 significant digits (empty when the answer had no costs). */
  readonly exact: readonly number[];
  readonly actual: readonly number[];
  /** |actual − exact| / tolerance per step (see `compactRatio`); above 1 fails. */
  readonly ratio: readonly number[];
  /** The worst |actual − exact| / tolerance of the final parameters (null when none were compared). */
  readonly paramsRatio: number | null;
}

/** The cost curve of `train` cases, from their `costs[k]` entries and final-parameter entries. */
export function costCurve(cases: readonly ComparedCase[]): CostCurveCase[] {
  return cases.map((c) => {
    const costs = c.comparison.entries.filter((e) => /^costs\[\d+\]$/.test(e.entry));
    const params = c.comparison.entries.filter((e) => !/^costs\[/.test(e.entry)).map(toleranceRatio);
    return {
      case: c.index, kind: c.kind, firstStep: c.firstStep ?? 0,
      exact: costs.map((e) => significant(e.expected, 6)), actual: costs.map((e) => significant(e.actual, 6)),
      ratio: costs.map((e) => compactRatio(toleranceRatio(e))),
      paramsRatio: params.length === 0 ? null : compactRatio(Math.max(...params)),
    };
  });
}

/** A compared `gradients` case, with the diagnosis's hints when it disagrees (`withScales` reuses an oracle run). */
export function gradientsCase(
  kind: string,
  index: number,
  request: GradientsRequest,
  actual: GradientsResult,
  options: CompareOptions,
  withScales = exactGradientsWithScales(request, options),
): ComparedCase {
  const comparison = compareGradients(request, actual, options, withScales);
  return { kind, index, request, actual, comparison, hints: diagnose(request, withScales.exact, actual, comparison) };
}

/** A compared `forward` case, with the diagnosis's hints (a naive softmax or softplus overflowing) when it disagrees. */
export function forwardCase(kind: string, index: number, request: ForwardRequest, actual: ForwardResult, options: CompareOptions): ComparedCase {
  const targets = request.inputs.map(() => new Array<number>(request.network.layers.at(-1)!).fill(0));
  const exact = oracleGradientsFor({ ...request, targets }, options);
  const comparison = compareForward(request, actual, options, exact);
  return { kind, index, request, actual, comparison, hints: diagnoseForward(request.network, exactToNumbers(exact), actual, comparison) };
}

/** Entries shown per failing check: the table stays readable; the count says how many more there were. */
const MAX_ENTRIES = 24;

/**
 * A check outcome from compared cases: passed when every entry of every case is within tolerance; otherwise failed,
 * naming the first failing case, its worst entries (for the per-entry table), hints, and the replay command.
 */
export function comparisonOutcome(id: string, method: string, cases: readonly ComparedCase[], context: CheckContext, source = "the exact oracle"): CheckOutcome {
  const compared = cases.reduce((n, c) => n + c.comparison.entries.length, 0);
  const failing = cases.filter((c) => !c.comparison.ok);
  const replay = `${context.replayPrefix} --only ${id}`;
  const curve = method === "train" ? { costCurve: costCurve(cases) } : {};
  if (failing.length === 0) {
    return { status: "passed", message: `${compared} entries in ${cases.length} cases agree with ${source}`, details: { compared, seed: context.seed, ...curve } };
  }
  const first = failing[0]!;
  const hints = first.hints ?? first.diagnosis?.() ?? [];
  const worst = [...first.comparison.failures].sort((a, b) => b.absError / b.tolerance - a.absError / a.tolerance);
  const wrong = first.comparison.failures.length;
  const named = worst.slice(0, 4).map((e) => e.entry).join(", ");
  const problems = first.comparison.problems;
  const grids = entryGrids(first.comparison.entries);
  const heatmap: { heatmap: EntryHeatmap } | { heatmapOmitted: string } | Record<string, never> = grids !== undefined
    ? { heatmap: { case: first.index, kind: first.kind, grids } }
    : first.comparison.entries.length > MAX_HEATMAP_CELLS ? { heatmapOmitted: `${first.comparison.entries.length} entries, more than ${MAX_HEATMAP_CELLS}` } : {};
  const what = problems.length > 0 ? `${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more problems)` : ""}` : `${wrong} of ${first.comparison.entries.length} entries wrong (${named}${wrong > 4 ? ", …" : ""})`;
  return {
    status: "failed",
    message: `${method}: ${failing.length} of ${cases.length} cases disagree with ${source}; case ${first.index} (${first.kind}): ${what}`,
    details: {
      entries: worst.slice(0, MAX_ENTRIES),
      compared,
      failingEntries: cases.reduce((n, c) => n + c.comparison.failures.length, 0),
      problems,
      ...(hints.length > 0 ? { hints } : {}),
      seed: context.seed,
      replay,
      failingCase: { index: first.index, kind: first.kind, request: first.request, actual: first.actual },
      ...heatmap,
      ...curve,
    },
  };
}
