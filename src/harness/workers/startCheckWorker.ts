import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerSetup } from "./workerMessages.ts";

/**
 * A new check worker (`checkWorker`) in whichever world nncheck runs: the compiled package starts
 * `checkWorker.js` beside this module; from the TypeScript sources (tsx, or vitest) a small bootstrap registers
 * tsx in the worker first (a worker does not inherit the main thread's loader hooks) and imports `checkWorker.ts`.
 */
export function startCheckWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (!/\.[cm]?ts$/.test(here)) return new Worker(new URL("./checkWorker.js", here), { workerData: setup });
  const target = new URL("./checkWorker.ts", here).href;
  const boot = `const { register } = await import(${JSON.stringify(tsxApi())}); register(); await import(${JSON.stringify(target)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: setup, execArgv: [] });
}

/** The URL of tsx's ESM API, resolved from nncheck's own dependencies (whatever the working directory). */
function tsxApi(): string {
  if (typeof import.meta.resolve === "function") {
    try {
      return import.meta.resolve("tsx/esm/api");
    } catch {
      // a host without ESM resolution here (a test runner's transform): CommonJS resolution finds the same package
    }
  }
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
}
