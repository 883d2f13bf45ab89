/**
 * The bridge from a fast-check property to a `Check`: cases come from the check's seed, their number from
 * `context.runs`, a failure is shrunk and reported with its counterexample and a one-line replay command, and a
 * replay (`context.replayPath`) jumps straight to the counterexample.
 */
import fc from "fast-check";
import type { Check, CheckContext, CheckNeeds, CheckOutcome } from "../harness/check.ts";
import { plainJson } from "./plainJson.ts";
import { PropertyFailure } from "./PropertyFailure.ts";

/** Everything that defines one property. */
export interface PropertySpec<T> {
  /** `property/<area>/<name>`. */
  readonly id: string;
  /** One sentence: what holds when the check passes. */
  readonly description: string;
  readonly needs: CheckNeeds;
  /** Cases per unit of `context.runs`: the property runs `casesFor(runs, casesPerRun)` cases. */
  readonly casesPerRun: number;
  /** The cases (may depend on the declared dtype, never on anything else of the context). */
  readonly arbitrary: (context: CheckContext) => fc.Arbitrary<T>;
  /** Resolves when the property holds for `value`; throws `PropertyFailure` when it does not. */
  readonly predicate: (value: T, context: CheckContext) => Promise<void>;
  /**
   * Shrinking evaluates at most this many candidates after the first failure (default DEFAULT_SHRINK_BUDGET), then
   * keeps the smallest failure found: deterministic, unlike a time limit, and it bounds the cost of a wrong answer.
   */
  readonly shrinkBudget?: number;
}

/** Candidates tried while shrinking, unless a property says otherwise. */
export const DEFAULT_SHRINK_BUDGET = 400;

/** How many cases a property with `casesPerRun` runs for `runs`: at least one. */
export function casesFor(runs: number, casesPerRun: number): number {
  return Math.max(1, Math.ceil(runs * casesPerRun));
}

/** The command that replays one counterexample of property `id` (`replayPrefix` selects implementation and seed). */
export function replayCommand(replayPrefix: string, id: string, path: string): string {
  return `${replayPrefix} --only ${id} --replay ${path}`;
}

/**
 * A `Check` running `spec` through fast-check with `{ seed: context.seed, numRuns }`. Errors other than
 * `PropertyFailure` (the implementation crashed, timed out or said "unsupported") stop the run and propagate, so
 * the runner reports them as errored or skipped; they are never shrunk.
 */
export function propertyCheck<T>(spec: PropertySpec<T>): Check {
  return {
    id: spec.id,
    description: spec.description,
    needs: spec.needs,
    async run(context: CheckContext): Promise<CheckOutcome> {
      const numRuns = casesFor(context.runs, spec.casesPerRun);
      let fatal: { readonly error: unknown } | undefined;
      let shrinks = -1; // candidates evaluated since the first failure
      let evaluations = 0;
      const budget = spec.shrinkBudget ?? DEFAULT_SHRINK_BUDGET;
      const replaying = context.replayPath !== undefined; // a replay evaluates the case at the path and nothing else
      const property = fc.asyncProperty(spec.arbitrary(context), async (value: T) => {
        if (fatal !== undefined || shrinks >= budget || (replaying && evaluations > 0)) return true;
        evaluations++;
        if (shrinks >= 0) shrinks++;
        try {
          await spec.predicate(value, context);
        } catch (error: unknown) {
          if (!(error instanceof PropertyFailure)) {
            fatal = { error };
            return true;
          }
          if (shrinks < 0) shrinks = 0;
          throw error;
        }
        return true;
      });
      const replay = replaying ? { path: context.replayPath, endOnFailure: true } : {};
      const run = await fc.check(property, { seed: context.seed, numRuns, ...replay });
      const failure = run.errorInstance instanceof PropertyFailure ? run.errorInstance : undefined;
      if (run.failed && failure !== undefined && run.counterexample !== null && run.counterexamplePath !== null) {
        return failedOutcome(spec.id, context, failure, run.counterexample[0], run.counterexamplePath, run.numRuns, run.numShrinks, shrinks >= budget);
      }
      if (fatal !== undefined) throw fatal.error;
      if (run.failed) throw run.errorInstance instanceof Error ? run.errorInstance : new Error(`${spec.id}: fast-check failed without a counterexample`);
      const what = context.replayPath !== undefined ? `the replayed case (path ${context.replayPath}) holds` : `${run.numRuns} cases hold`;
      return { status: "passed", message: what, details: { property: spec.id, seed: context.seed, cases: run.numRuns } };
    },
  };
}

function failedOutcome(id: string, context: CheckContext, failure: PropertyFailure, counterexample: unknown, path: string, numRuns: number, numShrinks: number, budgetSpent: boolean): CheckOutcome {
  const replay = replayCommand(context.replayPrefix, id, path);
  return {
    status: "failed",
    // the counterexample itself is in the details (reporters print it); the message keeps what replays it
    message: `${failure.message} (case ${numRuns}, shrunk ${numShrinks}×${budgetSpent ? " before the shrink budget ran out" : ""}; replay: ${replay})`,
    details: {
      property: id,
      seed: context.seed,
      path,
      counterexample: plainJson(counterexample),
      replay,
      ...(failure.details.entries !== undefined ? { entries: failure.details.entries } : {}),
      ...(failure.details.problems !== undefined ? { problems: failure.details.problems } : {}),
      ...(failure.details.observed !== undefined ? { observed: plainJson(failure.details.observed) } : {}),
      ...(failure.details.hints !== undefined && failure.details.hints.length > 0 ? { hints: failure.details.hints } : {}),
    },
  };
}
