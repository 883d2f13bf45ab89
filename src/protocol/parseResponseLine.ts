import { ImplementationError, type ImplementationErrorCode } from "../implementation.ts";

/** What one stdout line of an implementation turned out to be. */
export type ResponseLine =
  | { readonly kind: "blank" }
  /** Not a response at all: the stream can no longer be trusted. */
  | { readonly kind: "garbage"; readonly problem: string }
  /** A JSON object, to be matched to a request by `id`; `outcome` is what that request gets. */
  | { readonly kind: "response"; readonly id: unknown; readonly outcome: Outcome };

/** A result (still in wire form), an error the implementation reports on purpose, or a malformed envelope. */
export type Outcome =
  | { readonly result: unknown }
  | { readonly error: ImplementationError }
  | { readonly problem: string };

const ERROR_CODES: readonly string[] = ["unsupported", "invalid_params", "internal"];

/** Classifies one line of an implementation's stdout, with messages that quote the start of the line. */
export function parseResponseLine(line: string, maxLineChars: number): ResponseLine {
  if (line.length > maxLineChars) {
    return { kind: "garbage", problem: `stdout line longer than ${maxLineChars} characters, starting ${JSON.stringify(line.slice(0, 80))}…` };
  }
  if (line.trim() === "") return { kind: "blank" };
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    const hint = /\b(NaN|Infinity)\b/.test(line) ? ' (non-finite numbers must be the strings "NaN", "Infinity", "-Infinity")' : "";
    return { kind: "garbage", problem: `stdout line is not JSON${hint}: ${quoteLine(line)} (stdout is reserved for responses; write diagnostics to stderr)` };
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return { kind: "garbage", problem: `stdout line is not a JSON object: ${quoteLine(line)}` };
  }
  const m = message as Record<string, unknown>;
  const error = m.error as Record<string, unknown> | undefined;
  if ("result" in m && !("error" in m)) return { kind: "response", id: m.id, outcome: { result: m.result } };
  if (!("result" in m) && typeof error === "object" && error !== null && ERROR_CODES.includes(error.code as string) && typeof error.message === "string") {
    return { kind: "response", id: m.id, outcome: { error: new ImplementationError(error.code as ImplementationErrorCode, error.message) } };
  }
  const problem = `response ${quoteLine(line)} has neither a "result" nor an "error" {code: ${ERROR_CODES.join(" | ")}, message: string}`;
  return { kind: "response", id: m.id, outcome: { problem } };
}

/** The start of a line, quoted, for error messages: at most 80 characters, then its length. */
export function quoteLine(line: string): string {
  return JSON.stringify(line.slice(0, 80)) + (line.length > 80 ? `… (${line.length} characters)` : "");
}
