/** The longest delay `setTimeout` honours (longer ones fire at once). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Throws a RangeError naming `name` unless `ms` is absent or a usable timeout. */
export function checkTimeout(name: string, ms: number | undefined): void {
  if (ms !== undefined && !(Number.isFinite(ms) && ms > 0 && ms <= MAX_TIMEOUT_MS)) {
    throw new RangeError(`spawnImplementation: ${name} must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}], got ${ms}`);
  }
}
