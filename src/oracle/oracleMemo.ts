/**
 * A bounded memo of the oracle's answers, shared by every oracle of one precision in the process: the same exact
 * request (a fixture case compared once per method, the same seeded cases sent to several implementations in one
 * process) is computed once. Results are immutable (Decimals, and arrays nobody writes to), so sharing is safe.
 * Keys spell every number exactly (−0 and non-finite values included), so two requests share an answer only when
 * the oracle would compute the same one.
 */

/**
 * How many decimal values the memo holds at most (≈ 150 bytes each: ≤ 450 MB), and the largest single answer it
 * keeps. A default run of the seed's shapes at --runs 20 holds nearly all of its answers within the budget, so a
 * second run in the same process (another implementation, the test suite's next spec) costs half the CPU of the
 * first: measured 6.2 s → 3.1 s with the budget at 400,000 → 3,000,000.
 */
export const MEMO_BUDGET_VALUES = 3_000_000;
export const MEMO_LARGEST_VALUES = 50_000;

interface Entry {
  readonly value: unknown;
  readonly size: number;
}

const entries = new Map<string, Entry>();
let held = 0;

/**
 * The memoised `compute()` for `key` (a string, or a function making it: not called for an answer too large to
 * keep); `size` estimates the answer's count of decimal values.
 */
export function memoised<T>(keyOf: string | (() => string), size: number, compute: () => T): T {
  if (size > MEMO_LARGEST_VALUES) return compute();
  const key = typeof keyOf === "string" ? keyOf : keyOf();
  const hit = entries.get(key);
  if (hit !== undefined) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  entries.set(key, { value, size });
  held += size;
  for (const [k, e] of entries) {
    if (held <= MEMO_BUDGET_VALUES) break;
    entries.delete(k);
    held -= e.size;
  }
  return value;
}

/** Forgets every memoised answer (for tests and benchmarks that measure the oracle itself). */
export function clearOracleMemo(): void {
  entries.clear();
  held = 0;
}

/** Where a Decimal keeps its spelling in keys once made (Decimals are immutable; a trajectory's params key its next step, again on every run). */
const KEY: unique symbol = Symbol("nncheck.memoKey");

/** `d` and every digit of a Decimal, cached on it (a non-enumerable property: the Decimal still deep-equals an untouched one). */
function decimalKey(x: object): string {
  const known = (x as { [KEY]?: string })[KEY];
  if (known !== undefined) return known;
  const key = `d${String(x)}`;
  Object.defineProperty(x, KEY, { value: key, enumerable: false });
  return key;
}

/** An exact, compact spelling of a request's parts: numbers by their shortest round-trip form, −0 and NaN apart. */
export function memoKey(parts: readonly unknown[]): string {
  let out = "";
  const walk = (x: unknown): void => {
    if (typeof x === "number") out += Object.is(x, -0) ? "-0" : String(x);
    else if (Array.isArray(x)) {
      out += "[";
      for (const item of x) {
        walk(item);
        out += ",";
      }
      out += "]";
    } else if (typeof x === "string") out += JSON.stringify(x);
    else if (x !== null && typeof x === "object" && "toFixed" in x) out += decimalKey(x); // a Decimal, every digit
    else if (x !== null && typeof x === "object") {
      out += "{";
      for (const [k, v] of Object.entries(x)) {
        out += `${k}:`;
        walk(v);
        out += ",";
      }
      out += "}";
    } else out += String(x);
  };
  for (const part of parts) {
    walk(part);
    out += "|";
  }
  return out;
}
