import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Which check a request belongs to, carried along the check's asynchronous calls (AsyncLocalStorage), so that a
 * crash or a timeout can name the check whose request the implementation was answering. One storage per thread.
 */
const storage = new AsyncLocalStorage<string>();

/** Runs `fn` with `label` (a check id) attached to every protocol request it makes, however deep its awaits go. */
export function withRequestLabel<T>(label: string, fn: () => T): T {
  return storage.run(label, fn);
}

/** The label of the code running now (see `withRequestLabel`), if any. */
export function currentRequestLabel(): string | undefined {
  return storage.getStore();
}
