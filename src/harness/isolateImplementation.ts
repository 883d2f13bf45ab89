import { METHODS, type Implementation } from "../implementation.ts";
import { RequestTimeoutError, systemClock, type Clock } from "../protocol/index.ts";

/** Tuning for `isolateImplementation`. */
export interface IsolateOptions {
  /** How long `hello` may take (default: the per-call timeout). */
  readonly helloTimeoutMs?: number;
  /** Where the timeouts get the time from (tests inject a manual clock). */
  readonly clock?: Clock;
}

/**
 * An in-process implementation treated like a remote one: each call gets its own deep copy of the request (an
 * implementation that updates its params in place cannot change what nncheck compares against), typed arrays
 * in the answer become plain arrays, and a call that does not settle within `timeoutMs` fails as timed out
 * (judged after one more turn of the event loop, so a call that settled while nncheck was busy is not blamed).
 * (A synchronous infinite loop cannot be interrupted in-process: use `--impl` for code that may hang.)
 */
export function isolateImplementation(implementation: Implementation, timeoutMs: number, options: IsolateOptions = {}): Implementation {
  const clock = options.clock ?? systemClock;
  const call = (method: (typeof METHODS)[number]) => async (request: unknown): Promise<never> => {
    const answer = (implementation[method] as (r: unknown) => Promise<unknown>).call(implementation, copyRequest(request));
    return plain(await withTimeout(Promise.resolve(answer), timeoutMs, `${method} did not settle within ${timeoutMs} ms`, clock)) as never;
  };
  const isolated = Object.fromEntries(METHODS.map((method) => [method, call(method)]));
  const helloMs = options.helloTimeoutMs ?? timeoutMs;
  return {
    ...(isolated as unknown as Implementation),
    hello: () => withTimeout(Promise.resolve(implementation.hello()), helloMs, `hello did not settle within ${helloMs} ms`, clock),
    close: async () => implementation.close?.(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string, clock: Clock): Promise<T> {
  let cancel: (() => void) | undefined;
  const timeout = new Promise<never>((_, reject) => {
    cancel = clock.after(ms, () => setImmediate(() => reject(new RequestTimeoutError(message, ms))));
  });
  return Promise.race([promise, timeout]).finally(() => cancel?.());
}

/**
 * A deep copy of a request: nncheck's requests are JSON-shaped (plain objects, arrays, numbers, strings, booleans,
 * null), copied here directly, several times faster than structuredClone on the small arrays they are made of;
 * anything else (a caller's own typed array or Map, say) goes through structuredClone as before.
 */
function copyRequest(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyRequest(value[i]);
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyRequest((value as Record<string, unknown>)[key]);
  return out;
}

/** `value` with typed arrays turned into plain arrays, recursively (JSON-able shapes only); always a copy, so an implementation reusing its answer's arrays cannot change it later. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.every((x) => typeof x === "number") ? value.slice() : value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
