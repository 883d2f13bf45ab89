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

/**
 * The deepest nesting of arrays and objects a response may have. Protocol v1's deepest is 5
 * (`result.grads[l].W[i][j]`); a limit far above it keeps every later walk over the value (decoding, shape
 * checks, messages) clear of the stack limit, whatever an implementation sends.
 */
export const MAX_NESTING = 64;

const BOM = "\uFEFF";

/**
 * Classifies one line of an implementation's stdout, with messages that quote the start of the line. Top-level
 * keys other than `id`, `result` and `error` are ignored (protocol v1 gives them no meaning).
 */
export function parseResponseLine(line: string, maxLineChars: number): ResponseLine {
  if (line.length > maxLineChars) {
    return { kind: "garbage", problem: `stdout line longer than ${maxLineChars} characters, starting ${JSON.stringify(line.slice(0, 80))}…` };
  }
  if (line.trim() === "") return { kind: "blank" };
  if (line.startsWith(BOM)) {
    return { kind: "garbage", problem: `stdout line starts with a UTF-8 byte order mark (U+FEFF), which JSON does not allow: ${quoteLine(line)} (write UTF-8 without a BOM: in Python, encoding "utf-8", not "utf-8-sig")` };
  }
  const depth = nestingDepth(line, MAX_NESTING);
  if (depth > MAX_NESTING) {
    return { kind: "garbage", problem: `stdout line nests arrays or objects more than ${MAX_NESTING} deep (protocol v1 needs at most 5): ${quoteLine(line)}` };
  }
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    const hint = line.includes("\uFFFD") ? " (it is not valid UTF-8: the bytes shown as U+FFFD)"
      : /\b(NaN|Infinity)\b/.test(line) ? ' (non-finite numbers must be the strings "NaN", "Infinity", "-Infinity")' : "";
    return { kind: "garbage", problem: `stdout line is not JSON${hint}: ${quoteLine(line)} (stdout is reserved for responses; write diagnostics to stderr)` };
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    return { kind: "garbage", problem: `stdout line is not a JSON object: ${quoteLine(line)}` };
  }
  const m = message as Record<string, unknown>;
  const hasResult = "result" in m, hasError = "error" in m;
  const error = m.error as Record<string, unknown> | undefined;
  if (hasResult && !hasError) return { kind: "response", id: m.id, outcome: { result: m.result } };
  if (hasError && !hasResult && typeof error === "object" && error !== null && ERROR_CODES.includes(error.code as string) && typeof error.message === "string") {
    return { kind: "response", id: m.id, outcome: { error: new ImplementationError(error.code as ImplementationErrorCode, error.message) } };
  }
  const expected = `a "result" or an "error" {code: ${ERROR_CODES.join(" | ")}, message: string}`;
  const problem = hasResult && hasError ? `response ${quoteLine(line)} has both a "result" and an "error"; expected exactly one of them`
    : hasError ? `response ${quoteLine(line)} has a malformed "error"; expected ${expected}`
    : `response ${quoteLine(line)} has neither a "result" nor an "error" {code: ${ERROR_CODES.join(" | ")}, message: string}`;
  return { kind: "response", id: m.id, outcome: { problem } };
}

/**
 * The deepest nesting of `[` and `{` in a JSON text outside strings, counted without parsing it; stops counting
 * once past `limit` (so the answer is only exact up to limit + 1).
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0, deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) { // a string: skip to its closing quote
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The start of a line, quoted, for error messages: at most 80 characters, then its length. */
export function quoteLine(line: string): string {
  return JSON.stringify(line.slice(0, 80)).replace(/\uFEFF/g, "\\ufeff") + (line.length > 80 ? `… (${line.length} characters)` : "");
}
