/**
 * Protocol v1's JSON dialect: non-finite numbers travel as the strings "NaN", "Infinity" and "-Infinity",
 * negative zero is written `-0.0` (so that Python reads −0.0), every other number in JavaScript's shortest
 * round-trip form.
 */

/** The strings that stand for non-finite numbers on the wire, and the numbers they stand for. */
export const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

/** One JSON text for `value` in the wire dialect (no newline inside it); `undefined` members are left out. */
export function encodeWire(value: unknown): string {
  if (typeof value === "number") return encodeNumber(value);
  if (typeof value === "string" || typeof value === "boolean" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += value[i] === undefined ? "null" : encodeWire(value[i]);
    }
    return out + "]";
  }
  if (typeof value === "object") {
    let out = "{";
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (member === undefined) continue;
      if (out.length > 1) out += ",";
      out += JSON.stringify(key) + ":" + encodeWire(member);
    }
    return out + "}";
  }
  throw new TypeError(`encodeWire: expected a JSON-able value, got ${typeof value}`);
}

function encodeNumber(x: number): string {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Number.POSITIVE_INFINITY) return '"Infinity"';
  if (x === Number.NEGATIVE_INFINITY) return '"-Infinity"';
  if (Object.is(x, -0)) return "-0.0";
  return String(x); // shortest round-trip; "1e+21" is valid JSON
}

/**
 * `value` with every string "NaN", "Infinity" or "-Infinity" replaced by its number: for the results of the
 * numeric methods, whose every leaf is a number. Other values are returned as they are (shared, not copied).
 */
export function decodeNonFinite(value: unknown): unknown {
  if (typeof value === "string") return Object.hasOwn(NON_FINITE, value) ? NON_FINITE[value] : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const before: unknown = value[i];
      const after = decodeNonFinite(before);
      if (after !== before) (out ??= value.slice())[i] = after;
    }
    return out ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, before] of Object.entries(value as Record<string, unknown>)) {
    const after = decodeNonFinite(before);
    if (after !== before) (copy ??= { ...(value as Record<string, unknown>) })[key] = after;
  }
  return copy ?? value;
}
