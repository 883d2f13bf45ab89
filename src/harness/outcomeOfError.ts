import { ImplementationError, type ImplementationErrorCode } from "../implementation.ts";
import { CrashError, ImplementationFailure, UnresponsiveError } from "../protocol/index.ts";
import type { CheckOutcome } from "./check.ts";
import { MalformedAnswerError } from "./MalformedAnswerError.ts";

const CODES: readonly ImplementationErrorCode[] = ["unsupported", "invalid_params", "internal"];

/**
 * The protocol error code of `error` if it is an error an implementation reports on purpose: an
 * `ImplementationError`, or (for in-process modules that cannot import nncheck) any Error with such a `code`.
 */
export function implementationErrorCode(error: unknown): ImplementationErrorCode | undefined {
  if (error instanceof ImplementationError) return error.code;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return CODES.find((c) => c === code);
}

/** Stderr kept with a transport failure, if any: a crash carries its own tail. */
function stderrOf(error: ImplementationFailure, stderrTail: string | undefined): string | undefined {
  if (error instanceof CrashError) return error.stderrTail;
  if (error instanceof UnresponsiveError && error.last instanceof CrashError) return error.last.stderrTail;
  return stderrTail;
}

/** The first line of a message, without the "; the end of its stderr:" lead-in (the tail goes in the details). */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/; the end of its stderr:$/, " (its stderr is shown below)");
}

/**
 * The outcome of a check that threw `error` out of an implementation call: "unsupported" → skipped,
 * "invalid_params" → failed (nncheck built the request, so it was valid), "internal" → errored, a malformed
 * answer → failed, a transport failure (crash, timeout, protocol, unresponsive) → errored with the stderr tail.
 */
export function outcomeOfError(error: unknown, stderrTail?: string): CheckOutcome {
  if (error instanceof MalformedAnswerError) {
    return { status: "failed", message: error.message, details: { problems: error.problems } };
  }
  const code = implementationErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === "unsupported") return { status: "skipped", message: `unsupported: ${message}` };
  if (code === "invalid_params") return { status: "failed", message: `rejected a valid request: ${message}` };
  if (code === "internal") return { status: "errored", message: `internal error: ${message}` };
  if (error instanceof ImplementationFailure) {
    const stderr = stderrOf(error, stderrTail)?.trimEnd();
    return {
      status: "errored",
      message: firstLine(message),
      details: { failure: error.kind, ...(stderr ? { stderr } : {}) },
    };
  }
  return { status: "errored", message: `the implementation threw ${describeThrown(error)}`, details: stackOf(error) };
}

/** The outcome of a check whose own code threw `error` (not an implementation call): a bug in the check. */
export function outcomeOfCheckBug(error: unknown): CheckOutcome {
  return { status: "errored", message: `the check itself threw ${describeThrown(error)} (a bug in nncheck: please report it)`, details: stackOf(error) };
}

function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split("\n")[0]}`;
  return `a non-Error value: ${JSON.stringify(error)?.slice(0, 200) ?? String(error)}`;
}

function stackOf(error: unknown): { stack: string } | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  return stack === undefined ? undefined : { stack: stack.split("\n").slice(0, 8).join("\n") };
}
