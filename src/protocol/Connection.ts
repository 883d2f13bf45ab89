import type { ChildProcess } from "node:child_process";
import { ClosedError, CrashError, ImplementationFailure, ProtocolError, RequestTimeoutError } from "./errors.ts";
import { lineReader } from "./lineReader.ts";
import { parseResponseLine, quoteLine } from "./parseResponseLine.ts";
import { killGroup, untrackGroup } from "./processGroups.ts";
import type { TailBuffer } from "./TailBuffer.ts";
import { decodeNonFinite, encodeWire } from "./wireJson.ts";

/** What a `Connection` needs besides its child process. */
export interface ConnectionOptions {
  readonly maxLineChars: number;
  readonly stderr: TailBuffer;
  readonly nextId: () => number;
  readonly trace?: ((direction: "send" | "receive", line: string) => void) | undefined;
  /** Called once, when this connection becomes unusable for a reason other than `close()`. */
  readonly onFatal: (failure: ImplementationFailure) => void;
}

interface Pending {
  readonly id: number;
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const STDERR_TAIL_CHARS = 2000;

/** One running implementation process (one incarnation): pipelined requests matched by id, each with a timeout. */
export class Connection {
  readonly pid: number;
  readonly exited: Promise<void>;
  #child: ChildProcess;
  #options: ConnectionOptions;
  #pending = new Map<number, Pending>();
  #outgoing: string[] = [];
  #dead: ImplementationFailure | undefined;
  #stderrStart: number;

  /** Takes over `child`, a process already spawned in its own group with piped stdio. */
  constructor(child: ChildProcess, options: ConnectionOptions) {
    this.#child = child;
    this.#options = options;
    this.pid = child.pid!;
    this.#stderrStart = options.stderr.totalChars;
    const onStdout = lineReader(options.maxLineChars, (line) => this.#onLine(line), () => this.#dead !== undefined);
    child.stdout!.setEncoding("utf8").on("data", onStdout);
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

  /** Sends one request and resolves with its (decoded) result; rejects with `ImplementationError` or a failure. */
  request(method: string, params: unknown, timeoutMs: number): Promise<unknown> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#options.nextId();
    const line = encodeWire({ id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#onTimeout(id, timeoutMs), timeoutMs);
      this.#pending.set(id, { id, method, resolve, reject, timer });
      this.#options.trace?.("send", line);
      this.#write(line);
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
      this.#kill(new ClosedError("the implementation was closed"), (p) => new ClosedError(`${describe(p)} was cancelled: the implementation was closed`), false);
      const line = encodeWire({ id: this.#options.nextId(), method: "shutdown", params: {} });
      this.#options.trace?.("send", line);
      this.#child.stdin!.end(line + "\n");
      await Promise.race([this.exited, delay(graceMs)]);
    }
    this.#reap();
    await Promise.race([this.exited, delay(1000)]);
  }

  #onLine(line: string): void {
    const parsed = parseResponseLine(line, this.#options.maxLineChars);
    if (parsed.kind === "blank") return;
    this.#options.trace?.("receive", line);
    if (parsed.kind === "garbage") return this.#protocolFailure(parsed.problem);
    const pending = typeof parsed.id === "number" ? this.#pending.get(parsed.id) : undefined;
    if (pending === undefined) {
      const ids = [...this.#pending.keys()];
      const inFlight = ids.length === 0 ? "none" : ids.slice(0, 10).join(", ") + (ids.length > 10 ? `, … (${ids.length} in all)` : "");
      const which = parsed.id === undefined ? "has no id" : `has id ${JSON.stringify(parsed.id)}, which matches no request in flight`;
      return this.#protocolFailure(`response ${quoteLine(line)} ${which} (in flight: ${inFlight})`);
    }
    this.#pending.delete(pending.id);
    clearTimeout(pending.timer);
    const { outcome } = parsed;
    if ("result" in outcome) pending.resolve(pending.method === "hello" ? outcome.result : decodeNonFinite(outcome.result));
    else if ("error" in outcome) pending.reject(outcome.error);
    else pending.reject(new ProtocolError(`${describe(pending)}: ${outcome.problem}`));
  }

  #protocolFailure(what: string): void {
    this.#kill(new ProtocolError(`protocol error: ${what}`), (p) => new ProtocolError(`${describe(p)} failed: protocol error: ${what}`), true);
  }

  #onTimeout(id: number, timeoutMs: number): void {
    const timedOut = this.#pending.get(id);
    if (timedOut === undefined) return;
    const what = `${describe(timedOut)} timed out after ${timeoutMs} ms`;
    this.#kill(new RequestTimeoutError(what, timeoutMs), (p) => p === timedOut
      ? new RequestTimeoutError(`${what}; the implementation was killed and will be restarted`, timeoutMs)
      : new RequestTimeoutError(`${describe(p)} was aborted: ${what} and the implementation was killed`, timeoutMs), true);
  }

  async #onExit(code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (this.#dead !== undefined) return;
    // Responses written just before the exit may still be in the pipe: read them first.
    const stdout = this.#child.stdout!;
    if (!stdout.readableEnded) await Promise.race([new Promise((r) => stdout.once("end", r)), delay(100)]);
    if (this.#dead !== undefined) return;
    const how = signal !== null ? `was killed by signal ${signal}` : `exited with code ${code}`;
    const tail = this.#options.stderr.tail(STDERR_TAIL_CHARS, this.#stderrStart).trimEnd();
    const stderr = tail === "" ? "; it wrote nothing to stderr" : `; the end of its stderr:\n${tail}`;
    const crash = (prefix: string) => new CrashError(`${prefix}the implementation ${how}${stderr}`, code, signal, tail);
    this.#kill(crash(this.#pending.size === 0 ? "while idle, " : ""), (p) => crash(`${describe(p)} failed: `), true);
  }

  #kill(failure: ImplementationFailure, perRequest: (p: Pending) => Error, fatal: boolean): void {
    if (this.#dead !== undefined) return;
    this.#dead = failure;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(perRequest(p));
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

function describe(p: Pending): string {
  return `request #${p.id} (${p.method})`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
