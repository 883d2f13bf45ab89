import type { EntryResult } from "../../gradcheck/index.ts";
import type { CheckResult } from "../runReport.ts";
import { formatError, formatValue } from "./formatNumber.ts";

const MAX_JSON_CHARS = 2000;
const STDERR_LINES = 20;
const STDERR_LINE_CHARS = 200;

/**
 * A result's details as plain text lines (no indentation): the per-entry table with the `why` of its first entry,
 * hints (labelled as guesses), shape problems, a property's counterexample, the stderr tail, and the replay command.
 */
export function detailLines(result: CheckResult): string[] {
  const details = result.details ?? {};
  const lines: string[] = [];
  if (result.expectedFailure !== undefined) lines.push(`expected to fail: ${result.expectedFailure}`);
  const entries = details.entries ?? [];
  if (entries.length > 0) {
    const compared = typeof details.compared === "number" ? ` (of ${details.compared} compared)` : "";
    const failing = entries.filter((e) => !e.ok).length;
    lines.push(`${failing} failing ${failing === 1 ? "entry" : "entries"} shown${compared}:`, ...entryTable(entries));
    const first = entries.find((e) => !e.ok) ?? entries[0]!;
    lines.push(`why the tolerance of ${first.entry}: ${first.why}`);
  }
  for (const hint of details.hints ?? []) lines.push(`hint (a guess from the pattern of errors, not a verdict): ${hint.message} [${hint.kind}]`);
  const problems = Array.isArray(details.problems) ? details.problems : [];
  if (problems.length > 1 || (problems.length === 1 && entries.length > 0)) lines.push("problems:", ...problems.map((p) => `  - ${String(p)}`));
  if (details.counterexample !== undefined) lines.push(`counterexample: ${compactJson(details.counterexample)}`);
  if (typeof details.stderr === "string" && details.stderr !== "") lines.push("the end of its stderr:", ...stderrLines(details.stderr));
  if (typeof details.stack === "string") lines.push("stack:", ...details.stack.split("\n").map((l) => `  ${l.trim()}`));
  if (details.replay !== undefined) lines.push(`replay: ${details.replay}`);
  return lines;
}

/** The last lines of a stderr tail, each cut to a readable length, marked with "| ". */
function stderrLines(stderr: string): string[] {
  const all = stderr.split("\n");
  const shown = all.slice(-STDERR_LINES).map((line) => {
    const cut = line.length > STDERR_LINE_CHARS ? `…(${line.length - STDERR_LINE_CHARS} characters)… ${line.slice(-STDERR_LINE_CHARS)}` : line;
    return `  | ${cut}`;
  });
  return all.length > STDERR_LINES ? [`  | …(${all.length - STDERR_LINES} earlier lines)`, ...shown] : shown;
}

/** The per-entry table: entry, expected, actual, abs error, rel error, tolerance; columns aligned. */
export function entryTable(entries: readonly EntryResult[]): string[] {
  const header = ["entry", "expected", "actual", "abs error", "rel error", "tolerance"];
  const rows = entries.map((e) => [
    `${e.ok ? " " : "✗"} ${e.entry}`, formatValue(e.expected), formatValue(e.actual), formatError(e.absError), formatError(e.relError), formatError(e.tolerance),
  ]);
  const all = [[`  ${header[0]}`, ...header.slice(1)], ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ").trimEnd());
}

/** `value` as one line of JSON, non-finite numbers as strings, cut at a readable length. */
export function compactJson(value: unknown): string {
  const text = JSON.stringify(value, nonFiniteAsString) ?? String(value);
  return text.length <= MAX_JSON_CHARS ? text : `${text.slice(0, MAX_JSON_CHARS)}… (${text.length} characters)`;
}

/** A `JSON.stringify` replacer that writes NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity". */
export function nonFiniteAsString(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}
