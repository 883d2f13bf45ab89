import type { Worker } from "node:worker_threads";
import type { Hello } from "../../implementation.ts";
import { StartupError } from "../../protocol/errors.ts";
import { killGroup } from "../../protocol/processGroups.ts";
import type { Check } from "../check.ts";
import type { ExecutedCheck } from "../checkExecutor.ts";
import type { CheckPool } from "../runChecksOn.ts";
import { RunSetupError } from "../RunSetupError.ts";
import { startCheckWorker } from "./startCheckWorker.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./workerMessages.ts";

/** One worker thread and what the pool knows of it. */
interface Slot {
  readonly worker: Worker;
  /** The implementation processes (groups) it reported: killed if it ends without closing them. */
  readonly pids: Set<number>;
  pending?: (executed: ExecutedCheck) => void;
  closed: boolean;
  ended: boolean;
  readonly exited: Promise<void>;
}

/** How long a closing worker may take to close its implementation before it is terminated (and its groups killed). */
const CLOSE_GRACE_MS = 3000;

/**
 * `jobs` worker threads, each with its own implementation (see `checkWorker`), as a `CheckPool`: `run` hands a
 * check to an idle worker. A worker that ends while it runs a check (a crash of nncheck's or an in-process
 * module's, which cannot take the run down with it) errors that check and is replaced, up to `jobs` times in all;
 * when none is left, the remaining checks are errored. `close` closes every implementation, then ends the workers.
 */
export class WorkerPool implements CheckPool {
  readonly size: number;
  #setup: WorkerSetup;
  #hello: Hello | undefined;
  #slots = new Set<Slot>();
  #idle: Slot[] = [];
  #waiting: ((slot: Slot | undefined) => void)[] = [];
  #replacements: number;
  #lastEnd = "";
  #closing = false;
  #onExit = (): void => this.#killAll();

  constructor(setup: WorkerSetup, jobs: number) {
    this.#setup = setup;
    this.size = jobs;
    this.#replacements = jobs;
    process.on("exit", this.#onExit);
  }

  /** The first worker's hello (available after `start`). */
  get hello(): Hello {
    if (this.#hello === undefined) throw new Error("WorkerPool: hello before start()");
    return this.#hello;
  }

  /** Starts the workers; rejects (after closing them) with the first one's `StartupError` or `RunSetupError`. */
  async start(): Promise<void> {
    const starts = Array.from({ length: this.size }, () => this.#startSlot());
    const settled = await Promise.allSettled(starts.map((s) => s.started));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed !== undefined) {
      await this.close();
      throw failed.reason;
    }
    this.#hello = (settled[0] as PromiseFulfilledResult<Hello>).value;
    for (const { slot } of starts) this.#release(slot);
  }

  async run(check: Check): Promise<ExecutedCheck> {
    const slot = this.#idle.pop() ?? (this.#slots.size > 0 ? await new Promise<Slot | undefined>((resolve) => this.#waiting.push(resolve)) : undefined);
    if (slot === undefined) return { outcome: { status: "errored", message: `not run: no worker thread is left (${this.#lastEnd})` }, durationMs: 0 };
    const executed = new Promise<ExecutedCheck>((resolve) => (slot.pending = resolve));
    this.#send(slot, { type: "run", id: check.id });
    return executed;
  }

  /** Closes every worker's implementation and ends the workers (terminating one that takes too long). */
  async close(): Promise<void> {
    this.#closing = true;
    for (const resolve of this.#waiting.splice(0)) resolve(undefined);
    await Promise.all([...this.#slots].map(async (slot) => {
      this.#send(slot, { type: "close" });
      const grace = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
      await Promise.race([slot.exited, grace]);
      await slot.worker.terminate();
      if (!slot.closed) for (const pid of slot.pids) killGroup(pid);
    }));
    process.off("exit", this.#onExit);
  }

  /** A new worker, resolved with its hello once ready; a failed start rejects with the worker's own error kind. */
  #startSlot(): { readonly slot: Slot; readonly started: Promise<Hello> } {
    const worker = startCheckWorker(this.#setup);
    let ready: ((hello: Hello) => void) | undefined;
    let failed: ((error: Error) => void) | undefined;
    const started = new Promise<Hello>((resolve, reject) => ([ready, failed] = [resolve, reject]));
    let crash = "";
    const slot: Slot = { worker, pids: new Set(), closed: false, ended: false, exited: new Promise((resolve) => worker.once("exit", () => resolve())) };
    this.#slots.add(slot);
    worker.on("message", (message: FromWorker) => {
      if ("pid" in message && message.pid !== undefined) slot.pids.add(message.pid);
      if (message.type === "ready") ready?.(message.hello);
      else if (message.type === "setup-error") failed?.(message.kind === "StartupError" ? new StartupError(message.message) : message.kind === "RunSetupError" ? new RunSetupError(message.message) : new Error(message.message));
      else if (message.type === "done") {
        const pending = slot.pending;
        slot.pending = undefined;
        this.#release(slot);
        pending?.(message.executed);
      } else if (message.type === "closed") slot.closed = true;
    });
    worker.on("error", (error) => (crash = `${error.name}: ${error.message}`));
    worker.on("exit", (code) => {
      slot.ended = true;
      this.#slots.delete(slot);
      this.#idle = this.#idle.filter((s) => s !== slot);
      if (!slot.closed) for (const pid of slot.pids) killGroup(pid);
      if (this.#closing) return;
      this.#lastEnd = `a worker thread ended (exit code ${code}${crash !== "" ? `: ${crash}` : ""})`;
      failed?.(new StartupError(`${this.#lastEnd} before its implementation said hello`));
      const pending = slot.pending;
      slot.pending = undefined;
      pending?.({ outcome: { status: "errored", message: `the worker thread running this check ended: exit code ${code}${crash !== "" ? ` (${crash})` : ""}`, details: { failure: "crash" } }, durationMs: 0 });
      if (pending !== undefined && this.#replacements > 0) {
        this.#replacements--;
        const replacement = this.#startSlot();
        replacement.started.then(() => this.#release(replacement.slot), () => this.#starve());
      } else this.#starve();
    });
    return { slot, started };
  }

  /** `slot` is free: the next waiting check takes it. */
  #release(slot: Slot): void {
    if (slot.ended || this.#closing) return;
    const next = this.#waiting.shift();
    if (next !== undefined) next(slot);
    else this.#idle.push(slot);
  }

  /** With no worker left, the checks waiting for one are errored (`run` says why). */
  #starve(): void {
    if (this.#slots.size > 0) return;
    for (const resolve of this.#waiting.splice(0)) resolve(undefined);
  }

  #send(slot: Slot, message: ToWorker): void {
    if (!slot.ended) slot.worker.postMessage(message);
  }

  #killAll(): void {
    for (const slot of this.#slots) if (!slot.closed) for (const pid of slot.pids) killGroup(pid);
  }
}
