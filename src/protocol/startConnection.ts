import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { ImplementationError, type Hello } from "../implementation.ts";
import { Connection, type ConnectionOptions } from "./Connection.ts";
import { CrashError, ImplementationFailure, ProtocolError, RequestTimeoutError, StartupError } from "./errors.ts";
import { parseHello } from "./parseHello.ts";
import { trackGroup } from "./processGroups.ts";

/** How to start one incarnation of an implementation. */
export interface StartOptions extends Omit<ConnectionOptions, "onFatal"> {
  /** `[program, ...arguments]`, run without a shell. */
  readonly argv: readonly string[];
  readonly cwd?: string | undefined;
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** From the spawn until the `hello` answer has arrived (the program's own start-up included). */
  readonly startupTimeoutMs: number;
  readonly onFatal: (connection: Connection, failure: ImplementationFailure) => void;
}

/**
 * Spawns `argv` (no shell) in its own process group and completes the `hello` handshake; anything that goes
 * wrong before a well-formed protocol-1 hello arrives is a `StartupError`.
 */
export async function startConnection(options: StartOptions): Promise<{ connection: Connection; hello: Hello }> {
  const [program, ...args] = options.argv;
  const shown = JSON.stringify(options.argv.join(" "));
  const child = await spawnChild(program!, args, options, shown);
  let connection: Connection | undefined;
  let beforeHello = true;
  connection = new Connection(child, {
    ...options,
    onFatal: (failure) => {
      if (!beforeHello) options.onFatal(connection!, failure);
    },
  });
  try {
    const hello = parseHello(await connection.request("hello", { protocol: 1 }, options.startupTimeoutMs, undefined));
    beforeHello = false;
    return { connection, hello };
  } catch (error) {
    const silent = connection.charsReceived === 0;
    await connection.close(0);
    throw new StartupError(`${shown} did not start: ${whyNoHello(error, options.startupTimeoutMs, silent)}`);
  }
}

function spawnChild(program: string, args: string[], options: StartOptions, shown: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" && options.cwd !== undefined && !existsSync(options.cwd) ? `working directory ${JSON.stringify(options.cwd)} does not exist`
        : code === "ENOENT" ? `no executable ${JSON.stringify(program)} found (looked in PATH and the working directory)`
        : code === "EACCES" ? `${JSON.stringify(program)} is not executable (permission denied)` : error.message;
      reject(new StartupError(`cannot start ${shown}: ${why}`));
    };
    let child: ChildProcess;
    try {
      child = spawn(program, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    } catch (error) {
      return fail(error as Error);
    }
    if (child.pid === undefined) {
      child.once("error", fail);
      return undefined;
    }
    trackGroup(child.pid);
    child.on("error", () => {}); // later errors (a failed kill, say) surface as exits or timeouts
    resolve(child);
    return undefined;
  });
}

function whyNoHello(error: unknown, startupTimeoutMs: number, silent: boolean): string {
  if (error instanceof StartupError) return error.message;
  if (error instanceof RequestTimeoutError) {
    const hint = silent ? `; nothing at all arrived on its stdout: if it did answer, the answer is stuck in its output buffer — flush stdout after every line (Python: print(..., flush=True), or run python3 -u)` : "";
    return `no answer to "hello" within ${startupTimeoutMs} ms (--hello-timeout-ms)${hint}`;
  }
  if (error instanceof CrashError) return error.message.replace(/^request #\d+ \(hello\) failed: the implementation (.*?) while answering it/, "it $1 before answering hello");
  if (error instanceof ProtocolError) return `before its hello answer: ${error.message.replace(/^request #\d+ \(hello\)(: | failed: )/, "")}`;
  if (error instanceof ImplementationError) return `it answered "hello" with error ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message.replace(/^request #\d+ \(hello\) failed: /, "") : String(error);
}
