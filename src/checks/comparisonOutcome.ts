import { diagnose, diagnoseForward } from "../diagnosis/index.ts";
import { compareForward, compareGradients, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, type CompareOptions, type Comparison } from "../gradcheck/index.ts";
import type { CheckContext, CheckOutcome, Hint } from "../harness/check.ts";
import type { ForwardRequest, ForwardResult, GradientsRequest, GradientsResult } from "../implementation.ts";

/** One compared case: which, what was sent and answered, and the verdict. */
export interface ComparedCase {
  readonly kind: string;
  readonly index: number;
  readonly request: unknown;
  readonly actual: unknown;
  readonly comparison: Comparison;
  /** Hints about the likely bug, when a diagnosis applies (gradients). */
  readonly hints?: readonly Hint[];
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
export function comparisonOutcome(id: string, method: string, cases: readonly ComparedCase[], context: CheckContext): CheckOutcome {
  const compared = cases.reduce((n, c) => n + c.comparison.entries.length, 0);
  const failing = cases.filter((c) => !c.comparison.ok);
  const replay = `${context.replayPrefix} --only ${id}`;
  if (failing.length === 0) {
    return { status: "passed", message: `${compared} entries in ${cases.length} cases agree with the exact oracle`, details: { compared, seed: context.seed } };
  }
  const first = failing[0]!;
  const worst = [...first.comparison.failures].sort((a, b) => b.absError / b.tolerance - a.absError / a.tolerance);
  const wrong = first.comparison.failures.length;
  const named = worst.slice(0, 4).map((e) => e.entry).join(", ");
  const problems = first.comparison.problems;
  const what = problems.length > 0 ? `${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more problems)` : ""}` : `${wrong} of ${first.comparison.entries.length} entries wrong (${named}${wrong > 4 ? ", …" : ""})`;
  return {
    status: "failed",
    message: `${method}: ${failing.length} of ${cases.length} cases disagree with the exact oracle; case ${first.index} (${first.kind}): ${what}`,
    details: {
      entries: worst.slice(0, MAX_ENTRIES),
      compared,
      failingEntries: cases.reduce((n, c) => n + c.comparison.failures.length, 0),
      problems,
      ...(first.hints && first.hints.length > 0 ? { hints: first.hints } : {}),
      seed: context.seed,
      replay,
      failingCase: { index: first.index, kind: first.kind, request: first.request, actual: first.actual },
    },
  };
}
