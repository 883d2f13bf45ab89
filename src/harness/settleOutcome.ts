import { ImplementationError } from "../implementation.ts";
import { ImplementationFailure } from "../protocol/index.ts";
import type { CheckOutcome } from "./check.ts";
import { MalformedAnswerError } from "./MalformedAnswerError.ts";
import { implementationErrorCode, outcomeOfCheckBug, outcomeOfError } from "./outcomeOfError.ts";

const STATUSES = ["passed", "failed", "errored", "skipped"];

/** How a check's `run` ended: what it returned, or what it threw. */
export type RunEnding = { readonly returned: unknown } | { readonly thrown: unknown };

/**
 * A check's final outcome from how its run ended and the errors its implementation calls threw (`incidents`).
 * The implementation's failures decide even when the check caught them (a property runner catches everything):
 * a transport failure → errored, a malformed answer → failed; an error response decides when the check did not
 * pass. Any other exception is a bug in the check → errored; so is a malformed outcome.
 */
export function settleOutcome(ending: RunEnding, incidents: readonly unknown[], stderrTail?: () => string): CheckOutcome {
  const thrown = "thrown" in ending ? ending.thrown : undefined;
  const returned = "returned" in ending ? ending.returned : undefined;
  const passed = isOutcome(returned) && returned.status === "passed";
  const decisive = "thrown" in ending && (incidents.includes(thrown) || fromImplementation(thrown)) ? thrown
    : incidents.find((e) => e instanceof ImplementationFailure) ?? incidents.find((e) => e instanceof MalformedAnswerError)
    ?? (passed ? undefined : incidents.find((e) => implementationErrorCode(e) !== undefined));
  if (decisive !== undefined) return outcomeOfError(decisive, decisive instanceof ImplementationFailure ? stderrTail?.() : undefined);
  if ("thrown" in ending) return outcomeOfCheckBug(thrown);
  if (isOutcome(returned)) return returned;
  return {
    status: "errored",
    message: `the check returned a malformed outcome ${JSON.stringify(returned)?.slice(0, 120)}; expected {status: passed|failed|errored|skipped, message} (a bug in nncheck: please report it)`,
  };
}

/** Errors only an implementation (or its client) makes, even when a check rethrows them. */
function fromImplementation(error: unknown): boolean {
  return error instanceof ImplementationFailure || error instanceof MalformedAnswerError || error instanceof ImplementationError;
}

function isOutcome(value: unknown): value is CheckOutcome {
  if (typeof value !== "object" || value === null) return false;
  const { status, message, details } = value as Record<string, unknown>;
  return STATUSES.includes(status as string) && typeof message === "string" &&
    (details === undefined || (typeof details === "object" && details !== null));
}
