import type { Hello, Implementation, Method } from "../implementation.ts";
import type { Clock } from "./clock.ts";

/** Tuning for `spawnImplementation`; every field has a default. */
export interface SpawnOptions {
  /**
   * How long the implementation may take over one request, in ms, or a function of the request (default 10,000).
   * The clock of a request runs only while it is the oldest one in flight (see `Connection`).
   */
  readonly timeoutMs?: number | ((method: Method, request: unknown) => number);
  /** How long the process may take from its spawn to its answer to `hello`, restarts included (default 10,000 ms). */
  readonly startupTimeoutMs?: number;
  /** How many times a crashed or killed process is started again, in all (default 3). */
  readonly maxRestarts?: number;
  /** Timeouts, crashes and protocol errors in a row after which it is declared unresponsive (default 3). */
  readonly maxConsecutiveFailures?: number;
  /** The longest stdout line accepted, in characters (default 64 Mi). */
  readonly maxLineChars?: number;
  /** How much of stderr is kept, in characters: the tail (default 64 Ki). */
  readonly stderrLimitChars?: number;
  /** How long `close()` waits for the process to exit after `shutdown` before killing its group (default 500 ms). */
  readonly closeGraceMs?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where timeouts get the time from (default: the system clock; tests inject a manual one). */
  readonly clock?: Clock;
  /** Sees every protocol line sent and received (for `--trace` and tests). */
  readonly trace?: (direction: "send" | "receive", line: string) => void;
}

/** An implementation behind protocol v1, with what the client saw of it. */
export interface ProtocolImplementation extends Implementation {
  /** The program and its arguments, as spawned. */
  readonly argv: readonly string[];
  /** The answer to the first `hello`. */
  readonly helloResult: Hello;
  /** How many times the process was started again. */
  readonly restarts: number;
  /** The pid (and process group id) of the running process, if one is running. */
  readonly pid: number | undefined;
  /** What the process (all its incarnations) wrote to stderr: the kept tail and how much was dropped before it. */
  stderr(): { readonly text: string; readonly droppedChars: number; readonly totalChars: number };
  /** Events worth reporting: restarts, timeouts, crashes, protocol errors, newest last. */
  diagnostics(): readonly string[];
  /** Sends `shutdown`, waits briefly, then kills the whole process group; later calls reject with `ClosedError`. */
  close(): Promise<void>;
}
