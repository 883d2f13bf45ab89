import { nonFiniteAsString } from "./detailLines.ts";

/**
 * `value` as indented JSON (two spaces) in which arrays of numbers, strings, booleans and nulls — and arrays of
 * such arrays (matrices) — stay on one line: `JSON.stringify(value, nonFiniteAsString, 2)` puts every number of
 * a 1,000-step cost curve on its own line. Same document, non-finite numbers as "NaN", "Infinity", "-Infinity".
 */
export function compactJsonText(value: unknown): string {
  return write(JSON.parse(JSON.stringify(value, nonFiniteAsString) ?? "null") as unknown, "");
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== "object";
const isFlat = (v: unknown): boolean => isScalar(v) || (Array.isArray(v) && v.every(isScalar));

function write(value: unknown, indent: string): string {
  if (isScalar(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every(isFlat)) return `[${value.map((v) => write(v, inner)).join(", ")}]`;
    return `[\n${value.map((v) => `${inner}${write(v, inner)}`).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(",\n")}\n${indent}}`;
}
