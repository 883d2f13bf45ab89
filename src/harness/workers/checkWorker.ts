/**
 * A worker thread of `openWorkerPool`: rebuilds the check registry (for its hello and the run's `--network`s), opens its own implementation (loads the
 * module once, spawns one protocol process, or takes the reference), says hello, then runs the checks the main
 * thread names by id, one at a time, and posts each outcome back. On "close" it closes the implementation.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checksForHello } from "../../checks/index.ts";
import { createOracle } from "../../oracle/index.ts";
import { StartupError } from "../../protocol/index.ts";
import type { Check } from "../check.ts";
import { checkExecutor, type ExecutedCheck } from "../checkExecutor.ts";
import { helloOf } from "../helloOf.ts";
import { openImplementation } from "../openImplementation.ts";
import { RunSetupError } from "../RunSetupError.ts";
import type { FromWorker, ToWorker, WorkerSetup } from "./workerMessages.ts";

const port = parentPort!;
const setup = workerData as WorkerSetup;
/** Posts `message`, as its JSON round trip when structured cloning cannot carry it (a check's details holding a function). */
const post = (message: FromWorker): void => {
  try {
    port.postMessage(message);
  } catch {
    port.postMessage(JSON.parse(JSON.stringify(message)) as FromWorker);
  }
};

await serve();

/** Opens the implementation, says hello and serves "run" and "close" until closed; a failed start is posted, not thrown. */
async function serve(): Promise<void> {
  let opened: Awaited<ReturnType<typeof openImplementation>>;
  try {
    opened = await openImplementation(setup.choice);
  } catch (error) {
    post(setupError(error));
    return port.close();
  }
  const { implementation, stderrTail } = opened;
  const pid = (): number | undefined => (implementation as { pid?: number | undefined }).pid;
  let run: (check: Check) => Promise<ExecutedCheck>;
  let registry: Check[];
  try {
    const hello = await helloOf(implementation);
    registry = checksForHello(hello, setup.networks);
    run = checkExecutor({ implementation, hello, seed: setup.seed, runs: setup.runs, oracle: createOracle(), replayPrefix: setup.replayPrefix, replayPath: setup.replayPath, stderrTail });
    post({ type: "ready", hello, pid: pid() });
  } catch (error) {
    await implementation.close?.();
    post(setupError(error));
    return port.close();
  }
  const byId = new Map<string, Check>(registry.map((c) => [c.id, c]));
  port.on("message", (message: ToWorker) => {
    if (message.type === "close") {
      void Promise.resolve(implementation.close?.()).finally(() => {
        post({ type: "closed" });
        port.close();
      });
      return;
    }
    const check = byId.get(message.id);
    const executing: Promise<ExecutedCheck> = check !== undefined ? run(check)
      : Promise.resolve({ outcome: { status: "errored", message: `no check has the id "${message.id}" in the worker's registry` }, durationMs: 0 });
    void executing.then((executed) => post({ type: "done", id: message.id, executed, pid: pid() }));
  });
}

/** The message of a failed start, keeping the error's kind (the CLI exits 2 for a startup or setup error). */
function setupError(error: unknown): FromWorker {
  const kind = error instanceof StartupError ? "StartupError" : error instanceof RunSetupError ? "RunSetupError" : "Error";
  return { type: "setup-error", kind, message: error instanceof Error ? error.message : String(error) };
}
