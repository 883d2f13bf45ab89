/**
 * A value as plain JSON that keeps every number: finite numbers stay numbers, and −0, NaN and ±Infinity (which
 * JSON.stringify would turn into 0 or null) become the strings "-0", "NaN", "Infinity", "-Infinity"; bigints
 * become decimal strings. Arrays and plain objects are copied recursively.
 */
export function plainJson(value: unknown): unknown {
  if (typeof value === "number") {
    if (Object.is(value, -0)) return "-0";
    return Number.isFinite(value) ? value : String(value);
  }
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plainJson(v)]));
  }
  return value;
}
