import { METHODS, type Implementation } from "../implementation.ts";
import { RequestTimeoutError } from "../protocol/index.ts";

/**
 * An in-process implementation treated like a remote one: each call gets its own deep copy of the request (an
 * implementation that updates its params in place cannot change what nncheck compares against), typed arrays
 * in the answer become plain arrays, and a call that does not settle within `timeoutMs` fails as timed out.
 * (A synchronous infinite loop cannot be interrupted in-process: use `--impl` for code that may hang.)
 */
export function isolateImplementation(implementation: Implementation, timeoutMs: number): Implementation {
  const call = (method: (typeof METHODS)[number]) => async (request: unknown): Promise<never> => {
    const answer = (implementation[method] as (r: unknown) => Promise<unknown>).call(implementation, structuredClone(request));
    return plain(await withTimeout(Promise.resolve(answer), timeoutMs, `${method} did not settle within ${timeoutMs} ms`)) as never;
  };
  const isolated = Object.fromEntries(METHODS.map((method) => [method, call(method)]));
  return {
    ...(isolated as unknown as Implementation),
    hello: () => withTimeout(Promise.resolve(implementation.hello()), timeoutMs, `hello did not settle within ${timeoutMs} ms`),
    close: async () => implementation.close?.(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeoutError(message, ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `value` with typed arrays turned into plain arrays, recursively (JSON-able shapes only). */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
