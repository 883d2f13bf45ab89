/**
 * A bounded memo of oracle answers by request: the same case comes back once per method (a fixture case for
 * forward, gradients and step), and its exact answer is the same every time. Keys are the request's values written
 * out in full (JSON, −0 kept apart from 0), so only equal requests share an answer; small requests only, few kept.
 */

/** Requests of more values than this are not memoised (their key alone would be large). */
export const MEMO_MAX_VALUES = 5_000;
/** Answers kept (the oldest is dropped first). */
export const MEMO_ENTRIES = 64;

const keep = (_: string, x: unknown): unknown => (typeof x === "number" && Object.is(x, -0) ? "-0" : x);

/** A memo of `compute` by the values of its argument list (undefined when too large to memoise). */
export function requestMemo<A extends readonly unknown[], R>(compute: (...args: A) => R, maxValues = MEMO_MAX_VALUES, entries = MEMO_ENTRIES): (...args: A) => R {
  const answers = new Map<string, R>();
  return (...args: A): R => {
    const key = keyOf(args, maxValues);
    if (key === undefined) return compute(...args);
    const known = answers.get(key);
    if (known !== undefined) return known;
    const answer = compute(...args);
    if (answers.size >= entries) answers.delete(answers.keys().next().value!);
    answers.set(key, answer);
    return answer;
  };
}

/** The request written out in full, or undefined when it holds more than `maxValues` values. */
function keyOf(args: readonly unknown[], maxValues: number): string | undefined {
  let count = 0;
  const visit = (x: unknown): boolean => {
    if (Array.isArray(x)) return x.every(visit);
    return ++count <= maxValues;
  };
  if (!args.every((a) => !Array.isArray(a) || visit(a))) return undefined;
  return JSON.stringify(args, keep);
}
