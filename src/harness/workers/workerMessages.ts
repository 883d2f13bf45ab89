/** The messages between the main thread and a check worker (see `checkWorker.ts`): plain, structured-clonable data. */
import type { DeclaredNetwork, Hello } from "../../implementation.ts";
import type { ExecutedCheck } from "../checkExecutor.ts";
import type { ImplementationChoice } from "../openImplementation.ts";

/** What a worker starts with (its `workerData`). */
export interface WorkerSetup {
  readonly choice: ImplementationChoice;
  readonly seed: number;
  readonly runs: number;
  readonly replayPrefix: string;
  readonly replayPath?: string | undefined;
  /** The run's `--network` shapes: the worker builds the same checks for its hello as the main thread did. */
  readonly networks: readonly DeclaredNetwork[];
}

/** Main thread → worker: run the registry's check `id`, or close the implementation and end. */
export type ToWorker = { readonly type: "run"; readonly id: string } | { readonly type: "close" };

/** Worker → main thread. `pid`: the implementation's process (group), when it is one, for the main thread to kill if need be. */
export type FromWorker =
  | { readonly type: "ready"; readonly hello: Hello; readonly pid?: number | undefined }
  | { readonly type: "setup-error"; readonly kind: "StartupError" | "RunSetupError" | "Error"; readonly message: string }
  | { readonly type: "done"; readonly id: string; readonly executed: ExecutedCheck; readonly pid?: number | undefined }
  | { readonly type: "closed" };
