import type { ChildProcess } from "node:child_process";
import type { Clock } from "./clock.ts";
import { AbortedError, ClosedError, CrashError, ImplementationFailure, ProtocolError, RequestTimeoutError } from "./errors.ts";
import { lineReader, type LineReader } from "./lineReader.ts";
import { parseResponseLine, quoteLine } from "./parseResponseLine.ts";
import { killGroup, untrackGroup } from "./processGroups.ts";
import { currentRequestLabel } from "./requestLabel.ts";
import type { TailBuffer } from "./TailBuffer.ts";
import { decodeNonFinite, encodeWire } from "./wireJson.ts";

/** What a `Connection` needs besides its child process. */
export interface ConnectionOptions {
  readonly maxLineChars: number;
  readonly stderr: TailBuffer;
  readonly nextId: () => number;
  readonly clock: Clock;
  readonly trace?: ((direction: "send" | "receive", line: string) => void) | undefined;
  /** Called once, when this connection becomes unusable for a reason other than `close()`. */
  readonly onFatal: (failure: ImplementationFailure) => void;
}

interface Pending {
  readonly id: number;
  readonly method: string;
  /** The check the request belongs to (see `withRequestLabel`). */
  readonly label: string | undefined;
  readonly timeoutMs: number;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

const STDERR_TAIL_CHARS = 2000;
/** How long an exited process's stdout may stay open (a grandchild holding it) before the exit is reported. */
const EXIT_DRAIN_MS = 1000;
/** A safety bound on the event-loop turns spent reading what is already on the pipe before a timeout is judged. */
const MAX_DRAIN_ROUNDS = 10_000;

/**
 * One running implementation process (one incarnation): pipelined requests matched by id.
 *
 * Timeouts measure the implementation, not nncheck's queue: only the oldest request in flight has a running
 * clock, started when it became the oldest (when it was written, or when the request before it was answered).
 * An implementation answering in order thus gets the whole timeout for each request, however many are queued
 * behind it. When that clock runs out, whatever is already waiting on the pipe is read before judging, so a busy
 * nncheck never blames an answer it has not read yet. On a crash, timeout or protocol error the oldest request is
 * the one failed; the others in flight are rejected with `AbortedError`, for the client to send again.
 */
export class Connection {
  readonly pid: number;
  readonly exited: Promise<void>;
  #child: ChildProcess;
  #options: ConnectionOptions;
  #pending = new Map<number, Pending>();
  #answered = new Set<number>();
  #head: { readonly pending: Pending; readonly cancel: () => void } | undefined;
  #outgoing: string[] = [];
  #dead: ImplementationFailure | undefined;
  #stderrStart: number;
  #charsIn = 0;
  #reader: LineReader;

  /** Takes over `child`, a process already spawned in its own group with piped stdio. */
  constructor(child: ChildProcess, options: ConnectionOptions) {
    this.#child = child;
    this.#options = options;
    this.pid = child.pid!;
    this.#stderrStart = options.stderr.totalChars;
    this.#reader = lineReader(options.maxLineChars, (line) => this.#onLine(line), () => this.#dead !== undefined);
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      this.#charsIn += chunk.length;
      this.#reader.push(chunk);
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => options.stderr.append(chunk));
    child.stdin!.on("error", () => {}); // EPIPE after a crash: the exit handler reports the crash
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => {
      resolve();
      void this.#onExit(code, signal);
    }));
  }

  /** True until the process died, was killed, broke the protocol or was closed. */
  get alive(): boolean {
    return this.#dead === undefined;
  }

  /** How many characters the process has written to stdout so far. */
  get charsReceived(): number {
    return this.#charsIn;
  }

  /**
   * Sends one request and resolves with its (decoded) result; rejects with `ImplementationError` or a failure.
   * `timeoutMs` is how long the implementation may take over it once it is the oldest request in flight.
   */
  request(method: string, params: unknown, timeoutMs: number, label: string | undefined = currentRequestLabel()): Promise<unknown> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#options.nextId();
    const line = encodeWire({ id, method, params });
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { id, method, label, timeoutMs, resolve, reject });
      this.#options.trace?.("send", line);
      this.#write(line);
      this.#armHead();
    });
  }

  /** Queues `line` and writes every line queued in this tick at once: one pipe write for a burst of requests. */
  #write(line: string): void {
    if (this.#outgoing.push(line) > 1) return;
    queueMicrotask(() => {
      if (this.#dead === undefined) this.#child.stdin!.write(this.#outgoing.join("\n") + "\n");
      this.#outgoing = [];
    });
  }

  /** Sends `shutdown`, waits up to `graceMs` for the process to exit, then kills its whole group. */
  async close(graceMs: number): Promise<void> {
    if (this.#dead === undefined) {
      this.#kill(new ClosedError("the implementation was closed"), undefined, (p) => new ClosedError(`${describe(p)} was cancelled: the implementation was closed`), false);
      const line = encodeWire({ id: this.#options.nextId(), method: "shutdown", params: {} });
      this.#options.trace?.("send", line);
      this.#child.stdin!.end(line + "\n");
      await Promise.race([this.exited, delay(graceMs)]);
    }
    this.#reap();
    await Promise.race([this.exited, delay(1000)]);
  }

  /** Starts the clock of the oldest request in flight, unless it is already running. */
  #armHead(): void {
    if (this.#head !== undefined || this.#dead !== undefined) return;
    const first = this.#pending.values().next();
    if (first.done === true) return;
    const pending = first.value;
    this.#head = { pending, cancel: this.#options.clock.after(pending.timeoutMs, () => this.#onDeadline(pending)) };
  }

  /** Takes `p` out of the requests in flight; the next oldest gets its clock. */
  #settle(p: Pending): void {
    this.#pending.delete(p.id);
    this.#answered.add(p.id);
    if (this.#head?.pending === p) {
      this.#head.cancel();
      this.#head = undefined;
      this.#armHead();
    }
  }

  #onLine(line: string): void {
    const parsed = parseResponseLine(line, this.#options.maxLineChars);
    if (parsed.kind === "blank") return;
    this.#options.trace?.("receive", line);
    if (parsed.kind === "garbage") return this.#protocolFailure(parsed.problem);
    const pending = typeof parsed.id === "number" ? this.#pending.get(parsed.id) : undefined;
    if (pending === undefined) {
      if (typeof parsed.id === "number" && this.#answered.has(parsed.id)) {
        // Not the fault of any request in flight: they are all sent again.
        return this.#protocolFailure(`response ${quoteLine(line)} is a second answer to request #${parsed.id}, which was already answered (exactly one response per request)`, false);
      }
      const ids = [...this.#pending.keys()];
      const inFlight = ids.length === 0 ? "none" : ids.slice(0, 10).join(", ") + (ids.length > 10 ? `, … (${ids.length} in all)` : "");
      const which = parsed.id === undefined ? "has no id" : `has id ${JSON.stringify(parsed.id)}, which matches no request in flight`;
      return this.#protocolFailure(`response ${quoteLine(line)} ${which} (in flight: ${inFlight})`);
    }
    this.#settle(pending);
    const { outcome } = parsed;
    if ("result" in outcome) pending.resolve(pending.method === "hello" ? outcome.result : decodeNonFinite(outcome.result));
    else if ("error" in outcome) pending.reject(outcome.error);
    else pending.reject(new ProtocolError(`${describe(pending)}: ${outcome.problem}`));
  }

  #protocolFailure(what: string, blameOldest = true): void {
    const blamed = blameOldest ? this.#oldest() : undefined;
    this.#kill(new ProtocolError(`protocol error: ${what}`), blamed, (p) => new ProtocolError(`${describe(p)} failed: protocol error: ${what}`), true);
  }

  /** The oldest request's clock ran out: read what is already on the pipe, then judge. */
  #onDeadline(p: Pending): void {
    if (this.#head?.pending !== p) return;
    let seen = this.#charsIn, rounds = 0;
    const round = (): void => {
      if (this.#dead !== undefined || this.#head?.pending !== p) return; // answered (or failed) meanwhile
      if (this.#charsIn !== seen && rounds++ < MAX_DRAIN_ROUNDS) {
        seen = this.#charsIn;
        setImmediate(round);
        return;
      }
      const what = `${describe(p)} timed out after ${p.timeoutMs} ms`;
      this.#kill(new RequestTimeoutError(what, p.timeoutMs), p, () => new RequestTimeoutError(`${what}; the implementation was killed and will be restarted`, p.timeoutMs), true);
    };
    setImmediate(round); // after this turn's poll phase, which reads what the pipe holds
  }

  async #onExit(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (this.#dead !== undefined) return;
    // Responses written just before the exit may still be in the pipe: read them first.
    const stdout = this.#child.stdout!;
    if (!stdout.readableEnded) await Promise.race([new Promise((r) => stdout.once("end", r)), delay(EXIT_DRAIN_MS)]);
    await new Promise((r) => setImmediate(r));
    if (this.#dead !== undefined) return;
    const how = signal !== null ? `was killed by signal ${signal}` : `exited with code ${code}`;
    const rest = this.#reader.rest();
    const unterminated = rest.trim() === "" ? "" : `; its last stdout line has no newline at the end, so it was never read as a response (end every line with "\\n" and flush): ${quoteLine(rest)}`;
    const tail = this.#options.stderr.tail(STDERR_TAIL_CHARS, this.#stderrStart).trimEnd();
    const stderr = tail === "" ? "; it wrote nothing to stderr" : `; the end of its stderr:\n${tail}`;
    const blamed = this.#oldest();
    const failure = new CrashError(`${blamed === undefined ? "while idle, " : ""}the implementation ${how}${unterminated}${stderr}`, code, signal, tail);
    this.#kill(failure, blamed, (p) => new CrashError(`${describe(p)} failed: the implementation ${how} while answering it${unterminated}${stderr}`, code, signal, tail), true);
  }

  #oldest(): Pending | undefined {
    return this.#pending.values().next().value;
  }

  /**
   * Marks the connection dead with `failure`: `blamed` (the request being answered) is rejected with
   * `forBlamed(blamed)`, every other request in flight with an `AbortedError` naming it, to be sent again. Without
   * a request to blame, a fatal failure aborts them all (none was at fault); a close cancels them with `forBlamed`.
   */
  #kill(failure: ImplementationFailure, blamed: Pending | undefined, forBlamed: (p: Pending) => Error, fatal: boolean): void {
    if (this.#dead !== undefined) return;
    this.#dead = failure;
    this.#head?.cancel();
    this.#head = undefined;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    const culprit = blamed === undefined ? undefined : forBlamed(blamed);
    for (const p of pending) {
      if (blamed === undefined && fatal) p.reject(new AbortedError(`${describe(p)} was aborted: it was in flight when ${firstLine(failure.message)}`, failure));
      else if (blamed === undefined || culprit === undefined) p.reject(forBlamed(p));
      else if (p === blamed) p.reject(culprit);
      else p.reject(new AbortedError(`${describe(p)} was aborted: it was in flight when ${describe(blamed, true)} failed (${firstLine(culprit.message)})`, culprit instanceof ImplementationFailure ? culprit : failure));
    }
    if (fatal) {
      this.#reap();
      this.#options.onFatal(failure);
    }
  }

  #reap(): void {
    killGroup(this.pid);
    untrackGroup(this.pid);
    for (const stream of [this.#child.stdin, this.#child.stdout, this.#child.stderr]) stream?.destroy();
  }
}

/** `request #7 (gradients)`, with `withLabel` `request #7 (gradients, check fd/full/3-3-1)`. */
function describe(p: Pending, withLabel = false): string {
  return `request #${p.id} (${p.method}${withLabel && p.label !== undefined ? `, check ${p.label}` : ""})`;
}

/** The first line of a failure's message, without its own "request #n (…) failed: " lead-in. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/^request #\d+ \([^)]*\) (failed: )?/, "").replace(/; the end of its stderr:$/, "");
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
