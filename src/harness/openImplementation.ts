import type { Implementation } from "../implementation.ts";
import { spawnImplementation } from "../protocol/index.ts";
import { reference } from "../reference/index.ts";
import { isolateImplementation } from "./isolateImplementation.ts";
import { loadImplementationModule } from "./loadImplementationModule.ts";

/** Which implementation to test: a command line speaking protocol v1, a module file, or (neither) the reference. */
export interface ImplementationChoice {
  readonly impl?: string | undefined;
  readonly module?: string | undefined;
  readonly timeoutMs: number;
  /** How long the start and `hello` may take (default: the client's 10 s, or `timeoutMs` in-process). */
  readonly helloTimeoutMs?: number;
}

/** An opened implementation, and its stderr tail when it is a process. */
export interface OpenedImplementation {
  readonly implementation: Implementation;
  readonly stderrTail?: () => string;
}

const STDERR_TAIL_CHARS = 2000;

/**
 * Starts the implementation `choice` names: spawns `impl` (a `StartupError` if it does not start or answer
 * hello), loads `module` (a `RunSetupError` if it cannot), or takes the built-in reference; in-process ones are
 * isolated (see `isolateImplementation`). The caller closes it.
 */
export async function openImplementation(choice: ImplementationChoice): Promise<OpenedImplementation> {
  if (choice.impl !== undefined) {
    const client = await spawnImplementation(choice.impl, { timeoutMs: choice.timeoutMs, startupTimeoutMs: choice.helloTimeoutMs });
    return { implementation: client, stderrTail: () => client.stderr().text.slice(-STDERR_TAIL_CHARS) };
  }
  const inProcess = choice.module !== undefined ? await loadImplementationModule(choice.module) : reference;
  return { implementation: isolateImplementation(inProcess, choice.timeoutMs, choice.helloTimeoutMs !== undefined ? { helloTimeoutMs: choice.helloTimeoutMs } : {}) };
}
