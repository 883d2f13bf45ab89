/**
 * Where the protocol client's timeouts get the time from. Injected in tests (a manual clock asserts a timeout's
 * exact length without waiting for it); the system clock everywhere else.
 */
export interface Clock {
  /** Milliseconds since an arbitrary origin (monotonic). */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now; returns a function that cancels the call. */
  after(ms: number, fn: () => void): () => void;
}

/** The real clock: `performance.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => performance.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
