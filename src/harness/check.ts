/**
 * The unit of a conformance run: a check has a stable id, says what it needs from the implementation, and runs
 * to one outcome. Gradient checks, activation audits, fixture checks and properties all take this shape, so the
 * runner and the reporters treat them alike.
 */
import type { Dtype, EntryResult } from "../gradcheck/index.ts";
import type { Hello, Implementation, Method, OptimizerName } from "../implementation.ts";
import type { Activation, NetworkSpec } from "../network/types.ts";
import type { Oracle } from "../oracle/index.ts";

/** What a check needs: a check whose needs the implementation's hello does not offer is skipped, with the reason. */
export interface CheckNeeds {
  readonly methods: readonly Method[];
  /** Network shapes the check sends (their activations count as needed too). */
  readonly networks?: readonly NetworkSpec[];
  /** Activations the check calls through `activation` (beyond those of `networks`). */
  readonly activations?: readonly Activation[];
  /** Optimizers the check sends in `step`/`train` (`optimizer.name`); absent: plain SGD only. */
  readonly optimizers?: readonly OptimizerName[];
}

/** A hint about the likely bug behind a mismatch: a guess from the pattern of errors, never a verdict. */
export interface Hint {
  /** A short stable key, e.g. "factor-2", "sign-flip", "relu-mask", "transposed", "batch-sum", "broadcast-rows". */
  readonly kind: string;
  /** One sentence for people, e.g. "every W2 entry is 2× the exact value: a cost convention (½(a−y)² vs (a−y)²)?". */
  readonly message: string;
}

/** What a check hands to reporters beyond its one-line message; every field optional. */
export interface CheckDetails {
  /** The failing (or all compared) entries, for a per-entry table. */
  readonly entries?: readonly EntryResult[];
  /** Entries compared in all (when `entries` lists only the failing ones). */
  readonly compared?: number;
  readonly hints?: readonly Hint[];
  /** The seed the check ran with. */
  readonly seed?: number;
  /** A one-line shell command that replays just this check (or just this failing case). */
  readonly replay?: string;
  /** The (shrunk) counterexample of a property, as plain JSON. */
  readonly counterexample?: unknown;
  /** Anything else a check wants to report (plain JSON). */
  readonly [key: string]: unknown;
}

export type CheckStatus = "passed" | "failed" | "errored" | "skipped";

/** How one check ended. `failed`: the implementation is wrong; `errored`: it crashed, hung or broke the protocol. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  /** One line: what was checked and, on failure, what went wrong. */
  readonly message: string;
  readonly details?: CheckDetails;
}

/** Everything a running check may use. */
export interface CheckContext {
  /** The implementation under test; its answers are shape-checked before the check sees them. */
  readonly implementation: Implementation;
  readonly hello: Hello;
  readonly dtype: Dtype;
  /** This check's own seed (derived from the run seed and the check id: see `checkSeed`). */
  readonly seed: number;
  /** Cases per property or random check. */
  readonly runs: number;
  readonly oracle: Oracle;
  /**
   * The start of a replay command that selects this implementation and run seed, e.g.
   * `npx nncheck run --impl "python3 adapter.py" --seed 42`; a check appends `--only <its id>` and what else it needs.
   */
  readonly replayPrefix: string;
  /** Set when replaying one property counterexample (`--replay <path>`): fast-check's path to jump straight to it. */
  readonly replayPath?: string;
}

export interface Check {
  /** Stable, slash-separated, glob-selectable: `oracle/gradients/3-3-1`, `property/relu/idempotence`. */
  readonly id: string;
  /** One sentence: what a pass means. */
  readonly description: string;
  readonly needs: CheckNeeds;
  run(context: CheckContext): Promise<CheckOutcome>;
}

/** A check's own seed: the run seed mixed with a hash of the id, so selecting checks never changes their cases. */
export function checkSeed(runSeed: number, id: string): number {
  let h = 2166136261 ^ (runSeed >>> 0);
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}
