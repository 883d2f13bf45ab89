import type { EntryResult } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";

/** What a failing property case reports besides its message: offending entries, shape problems, observed values. */
export interface PropertyFailureDetails {
  /** The entries that broke the relation, as per-entry table rows (the "expected" side is what the relation demands). */
  readonly entries?: readonly EntryResult[];
  /** Answers whose shape made the relation impossible to check. */
  readonly problems?: readonly string[];
  /** The implementation's answers (or the parts that matter), as plain JSON. */
  readonly observed?: unknown;
  /** Hints about the likely bug, when a diagnosis applies (see src/diagnosis). */
  readonly hints?: readonly Hint[];
}

/**
 * Thrown by a property's predicate when the implementation's answers break the property: the one kind of error
 * that means "failed". Anything else a predicate lets through (a crash, a timeout, "unsupported") is not a verdict.
 */
export class PropertyFailure extends Error {
  override readonly name = "PropertyFailure";
  readonly details: PropertyFailureDetails;

  constructor(message: string, details: PropertyFailureDetails = {}) {
    super(message);
    this.details = details;
  }
}
