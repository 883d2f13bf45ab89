/**
 * What can go wrong between nncheck and an implementation other than a deliberate error response (those are
 * `ImplementationError`s): it would not start, took too long, died, broke the protocol, or gave up for good.
 */

/** Which way an implementation failed; each kind has its own class below. */
export type FailureKind = "startup" | "timeout" | "crash" | "protocol" | "unresponsive" | "closed";

/** The common base of the failures below: `kind` says which one it is. */
export class ImplementationFailure extends Error {
  readonly kind: FailureKind;
  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = "ImplementationFailure";
    this.kind = kind;
  }
}

/** The implementation could not be started or did not complete the `hello` handshake (the CLI exits 2). */
export class StartupError extends ImplementationFailure {
  constructor(message: string) {
    super("startup", message);
    this.name = "StartupError";
  }
}

/** A request got no answer in time; the implementation was killed (its state is unknown) and will be restarted. */
export class RequestTimeoutError extends ImplementationFailure {
  readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number) {
    super("timeout", message);
    this.name = "RequestTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** The implementation's process ended (exit code or signal) while requests were in flight or when one was sent. */
export class CrashError extends ImplementationFailure {
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** The end of what the process wrote to stderr. */
  readonly stderrTail: string;
  constructor(message: string, exitCode: number | null, signal: string | null, stderrTail: string) {
    super("crash", message);
    this.name = "CrashError";
    this.exitCode = exitCode;
    this.signal = signal;
    this.stderrTail = stderrTail;
  }
}

/** The implementation wrote something that is not a protocol v1 response (a non-JSON line, an unknown id…). */
export class ProtocolError extends ImplementationFailure {
  constructor(message: string) {
    super("protocol", message);
    this.name = "ProtocolError";
  }
}

/** Too many consecutive failures or restarts: the implementation is not called again. */
export class UnresponsiveError extends ImplementationFailure {
  /** The failure that tipped it over. */
  readonly last: ImplementationFailure;
  constructor(message: string, last: ImplementationFailure) {
    super("unresponsive", message);
    this.name = "UnresponsiveError";
    this.last = last;
  }
}

/** A call made after `close()`, or in flight when `close()` was called. */
export class ClosedError extends ImplementationFailure {
  constructor(message: string) {
    super("closed", message);
    this.name = "ClosedError";
  }
}

/**
 * A request that was in flight, but not the one being answered, when the implementation failed (crashed, timed
 * out on the oldest request, broke the protocol): the client sends it again to the restarted implementation, and
 * only when it cannot (restarts exhausted) does this error reach the check, naming the request at fault.
 */
export class AbortedError extends ImplementationFailure {
  /** The failure of the request that was being answered. */
  readonly culprit: ImplementationFailure;
  constructor(message: string, culprit: ImplementationFailure) {
    super(culprit.kind, message);
    this.name = "AbortedError";
    this.culprit = culprit;
  }
}
