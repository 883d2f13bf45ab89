import type {
  ActivationRequest, ActivationResult, ForwardRequest, ForwardResult, GradientsRequest, GradientsResult, Hello,
  Method, StepRequest, StepResult, TrainRequest, TrainResult,
} from "../implementation.ts";
import { ImplementationError } from "../implementation.ts";
import { checkTimeout } from "./checkTimeout.ts";
import type { Connection } from "./Connection.ts";
import { systemClock } from "./clock.ts";
import { AbortedError, ClosedError, ImplementationFailure, StartupError, UnresponsiveError } from "./errors.ts";
import type { ProtocolImplementation, SpawnOptions } from "./ProtocolImplementation.ts";
import { startConnection, type StartOptions } from "./startConnection.ts";
import { TailBuffer } from "./TailBuffer.ts";
import { wireParams } from "./wireParams.ts";

/** How many times a request aborted by another request's failure is sent again (each time to a restarted process). */
const MAX_RESENDS = 2;

/**
 * The client behind `spawnImplementation`: one connection at a time, restarted (with `hello` replayed) after a
 * timeout, crash or protocol error, until too many failures in a row or too many restarts make it give up. The
 * request being answered when the implementation failed gets the failure; the others in flight are sent again.
 */
export class ProtocolClient implements ProtocolImplementation {
  readonly argv: readonly string[];
  #options: SpawnOptions;
  #start: StartOptions;
  #stderr: TailBuffer;
  #hello: Hello | undefined;
  #connection: Connection | undefined;
  #starting: Promise<Connection> | undefined;
  #closing: Promise<void> | undefined;
  #dead: UnresponsiveError | undefined;
  #failures = 0;
  #restarts = 0;
  #diagnostics: string[] = [];
  #nextId = 1;

  constructor(argv: string[], options: SpawnOptions) {
    this.argv = argv;
    this.#options = options;
    this.#stderr = new TailBuffer(options.stderrLimitChars ?? 64 * 1024);
    this.#start = {
      argv, cwd: options.cwd, env: options.env, trace: options.trace, stderr: this.#stderr, clock: options.clock ?? systemClock,
      startupTimeoutMs: options.startupTimeoutMs ?? 10_000,
      maxLineChars: options.maxLineChars ?? 64 * 1024 * 1024,
      nextId: () => this.#nextId++,
      onFatal: (connection, failure) => this.#onFatal(connection, failure),
    };
  }

  get helloResult(): Hello {
    return this.#hello!;
  }

  get restarts(): number {
    return this.#restarts;
  }

  get pid(): number | undefined {
    return this.#connection?.alive ? this.#connection.pid : undefined;
  }

  async start(): Promise<void> {
    const { connection, hello } = await startConnection(this.#start);
    this.#connection = connection;
    this.#hello = hello;
    this.#note(`started ${JSON.stringify(this.argv.join(" "))} as pid ${connection.pid}: ${hello.name}`);
  }

  hello = async (): Promise<Hello> => this.helloResult;
  forward = (request: ForwardRequest) => this.#call("forward", request) as Promise<ForwardResult>;
  gradients = (request: GradientsRequest) => this.#call("gradients", request) as Promise<GradientsResult>;
  step = (request: StepRequest) => this.#call("step", request) as Promise<StepResult>;
  train = (request: TrainRequest) => this.#call("train", request) as Promise<TrainResult>;
  activation = (request: ActivationRequest) => this.#call("activation", request) as Promise<ActivationResult>;

  stderr() {
    return { text: this.#stderr.text, droppedChars: this.#stderr.droppedChars, totalChars: this.#stderr.totalChars };
  }

  diagnostics(): readonly string[] {
    return [...this.#diagnostics];
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#starting?.catch(() => undefined);
      await this.#connection?.close(this.#options.closeGraceMs ?? 500);
      this.#connection = undefined;
    })();
    return this.#closing;
  }

  async #call(method: Method, request: unknown): Promise<unknown> {
    if (this.#closing) throw new ClosedError(`${method} called after close()`);
    if (this.#dead) throw this.#dead;
    if (!this.helloResult.methods.includes(method)) {
      throw new ImplementationError("unsupported", `${this.helloResult.name} does not offer "${method}" (its hello lists: ${this.helloResult.methods.join(", ")})`);
    }
    const timeout = this.#options.timeoutMs ?? 10_000;
    const timeoutMs = typeof timeout === "number" ? timeout : timeout(method, request);
    checkTimeout(`the timeoutMs function's answer for ${method}`, timeoutMs);
    const params = wireParams(method, request);
    for (let resends = 0; ; resends++) {
      let connection = await this.#ready();
      while (!connection.alive) connection = await this.#ready(); // it died while we waited: bounded by maxRestarts
      try {
        const result = await connection.request(method, params, timeoutMs);
        this.#failures = 0;
        return result;
      } catch (error) {
        if (error instanceof ImplementationError) this.#failures = 0; // it answered, so it is alive
        // In flight while another request failed: not this one's fault, so it is sent again (restarts are bounded),
        // unless that failure was the last straw.
        if (error instanceof AbortedError && !this.#closing) {
          if (this.#dead) throw this.#dead;
          if (resends < MAX_RESENDS) continue;
        }
        throw error;
      }
    }
  }

  #ready(): Promise<Connection> {
    if (this.#closing) return Promise.reject(new ClosedError("the implementation was closed"));
    if (this.#dead) return Promise.reject(this.#dead);
    if (this.#connection?.alive) return Promise.resolve(this.#connection);
    this.#starting ??= this.#restart().finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async #restart(): Promise<Connection> {
    const max = this.#options.maxRestarts ?? 3;
    if (this.#restarts >= max) {
      throw this.#declareDead(`it was already restarted ${this.#restarts} times (maxRestarts ${max}) and is not restarted again`);
    }
    this.#restarts++;
    let started: Awaited<ReturnType<typeof startConnection>>;
    try {
      started = await startConnection(this.#start);
    } catch (error) {
      const failure = new StartupError(`restart ${this.#restarts} failed: ${(error as Error).message}`);
      this.#onFailure(failure);
      throw this.#dead ?? failure;
    }
    const { connection, hello } = started;
    if (this.#closing) {
      await connection.close(0);
      throw new ClosedError("the implementation was closed while it restarted");
    }
    if (!sameJson(hello, this.helloResult)) {
      await connection.close(0);
      throw this.#declareDead(`after restart ${this.#restarts} its hello ${JSON.stringify(hello)} differs from the first ${JSON.stringify(this.helloResult)}`);
    }
    this.#connection = connection;
    this.#note(`restarted as pid ${connection.pid} (restart ${this.#restarts} of at most ${max})`);
    return connection;
  }

  #onFatal(connection: Connection, failure: ImplementationFailure): void {
    if (connection === this.#connection) this.#connection = undefined;
    this.#onFailure(failure);
  }

  #onFailure(failure: ImplementationFailure): void {
    this.#failures++;
    const max = this.#options.maxConsecutiveFailures ?? 3;
    this.#note(`failure ${this.#failures} in a row (of at most ${max}): ${failure.message}`);
    if (this.#failures >= max) this.#declareDead(`${this.#failures} failures in a row (timeouts, crashes or protocol errors); the last: ${failure.message}`, failure);
  }

  #declareDead(why: string, last?: ImplementationFailure): UnresponsiveError {
    const cause = last ?? new ImplementationFailure("unresponsive", why);
    this.#dead ??= new UnresponsiveError(`implementation ${JSON.stringify(this.argv.join(" "))} declared unresponsive: ${why}`, cause);
    this.#note(this.#dead.message);
    return this.#dead;
  }

  #note(event: string): void {
    this.#diagnostics.push(event);
    if (this.#diagnostics.length > 200) this.#diagnostics.splice(0, this.#diagnostics.length - 200);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
