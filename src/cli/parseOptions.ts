import { parseArgs } from "node:util";
import { UsageError } from "./command.ts";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

/** What `parseOptions(args, options)` returns (named, for the package's .d.ts). */
type ParsedOptions<T extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>["values"];

/** node:util `parseArgs` in strict mode without positionals, its errors turned into one-line `UsageError`s. */
export function parseOptions<T extends OptionSpec>(args: readonly string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error: unknown) {
    if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(error.message.replace(/\s*\n\s*/g, " "));
    }
    throw error;
  }
}

/** The integer `--name` value `text` (≥ `min`), or `fallback` when the flag is absent. */
export function integerOption(name: string, text: string | undefined, fallback: number, min = -Infinity): number {
  if (text === undefined) return fallback;
  const value = text.trim() === "" ? NaN : Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    const range = min === -Infinity ? "an integer" : min === 0 ? "a non-negative integer" : `an integer ≥ ${min}`;
    throw new UsageError(`--${name} must be ${range}, got "${text}"`);
  }
  return value;
}

/** The finite positive `--name` value `text`, or `fallback` when the flag is absent. */
export function positiveNumberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = text.trim() === "" ? NaN : Number(text);
  if (!(Number.isFinite(value) && value > 0)) {
    throw new UsageError(`--${name} must be a finite number > 0, got "${text}"`);
  }
  return value;
}
