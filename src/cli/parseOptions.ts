import { parseArgs } from "node:util";
import { UsageError } from "./command.ts";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

/** What `parseOptions(args, options)` returns (named, for the package's .d.ts). */
type ParsedOptions<T extends OptionSpec> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>["values"];

/** A word that reads as a negative number (`-1`, `-0.5`, `-1e3`, `-Infinity`): a value, not a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d|Infinity$|NaN$)/;

/**
 * node:util `parseArgs` in strict mode without positionals, its errors turned into one-line `UsageError`s. A
 * negative number after a string option is that option's value (`--seed -1` reads as `--seed=-1`), so that the
 * option's own range check can say what is wrong with it.
 */
export function parseOptions<T extends OptionSpec>(args: readonly string[], options: T): ParsedOptions<T> {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === "string" && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals: false }).values;
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

/**
 * The `--jobs` value `text` (an integer ≥ 1); without the flag, the environment's `NNCHECK_JOBS` (checked the same
 * way), else the machine's cores (`os.availableParallelism()`).
 */
export function jobsOption(text: string | undefined, env: NodeJS.ProcessEnv, cores: number): number {
  if (text !== undefined) return integerOption("jobs", text, cores, 1);
  const fromEnv = env["NNCHECK_JOBS"];
  if (fromEnv === undefined || fromEnv === "") return Math.max(1, cores);
  const value = Number(fromEnv.trim() === "" ? NaN : fromEnv);
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`NNCHECK_JOBS (the default of --jobs) must be an integer ≥ 1, got "${fromEnv}"`);
  return value;
}
