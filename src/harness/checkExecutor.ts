import type { Hello, Implementation } from "../implementation.ts";
import type { Oracle } from "../oracle/index.ts";
import { UnresponsiveError, withRequestLabel } from "../protocol/index.ts";
import { checkSeed, type Check, type CheckContext, type CheckOutcome } from "./check.ts";
import { guardImplementation } from "./guardImplementation.ts";
import { settleOutcome, type RunEnding } from "./settleOutcome.ts";
import { unmetNeeds } from "./unmetNeeds.ts";

/** How one check ran: its outcome, its own wall time, and whether the implementation was declared unresponsive. */
export interface ExecutedCheck {
  readonly outcome: CheckOutcome;
  /** Milliseconds from the check's start to its end, with nothing else of nncheck's running on its thread (0: not run). */
  readonly durationMs: number;
  /** Set when the implementation became unresponsive during this check (the run errors the checks not yet started). */
  readonly unresponsive?: boolean;
}

/** What running a check needs besides the check: the implementation and its hello, the run's seed and runs… */
export interface ExecutorSetup {
  readonly implementation: Implementation;
  readonly hello: Hello;
  readonly seed: number;
  readonly runs: number;
  readonly oracle: Oracle;
  readonly replayPrefix: string;
  readonly replayPath?: string | undefined;
  /** The end of the implementation's stderr, shown with transport failures. */
  readonly stderrTail?: (() => string) | undefined;
}

/**
 * A function that runs one check against `setup.implementation`: skipped (not run) when the hello does not offer
 * its needs, else run with its own seed (`checkSeed`: the run seed and its id, never the order or the thread) and
 * its ending settled (see `settleOutcome`).
 */
export function checkExecutor(setup: ExecutorSetup): (check: Check) => Promise<ExecutedCheck> {
  return async (check) => {
    const unmet = unmetNeeds(check.needs, setup.hello);
    if (unmet !== undefined) return { outcome: { status: "skipped", message: unmet }, durationMs: 0 };
    const guarded = guardImplementation(setup.implementation, setup.hello);
    const context: CheckContext = {
      implementation: guarded.implementation, hello: setup.hello, dtype: setup.hello.dtype, seed: checkSeed(setup.seed, check.id), runs: setup.runs,
      oracle: setup.oracle, replayPrefix: setup.replayPrefix, ...(setup.replayPath !== undefined ? { replayPath: setup.replayPath } : {}),
    };
    const t0 = performance.now();
    let ending: RunEnding;
    try {
      ending = { returned: await withRequestLabel(check.id, () => check.run(context)) };
    } catch (error) {
      ending = { thrown: error };
    }
    const outcome = settleOutcome(ending, guarded.incidents(), setup.stderrTail);
    const durationMs = performance.now() - t0;
    return guarded.incidents().some((e) => e instanceof UnresponsiveError) ? { outcome, durationMs, unresponsive: true } : { outcome, durationMs };
  };
}
