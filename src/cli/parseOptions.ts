import { parseArgs } from "node:util";
import type { DeclaredNetwork } from "../implementation.ts";
import { ACTIVATIONS, COSTS, REDUCTIONS, type Activation, type Cost, type Reduction } from "../network/types.ts";
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

/** The syntax of a `--network` value, for messages and `--help`. */
export const NETWORK_SYNTAX = "LAYERS:ACTIVATIONS[:COST[:REDUCTION]], e.g. 784-128-10:relu,softmax:cross_entropy";

/**
 * The `--network` value `text`, `LAYERS:ACTIVATIONS[:COST[:REDUCTION]]`: widths joined by "-", one activation per
 * layer after the input joined by ",", then optionally a cost and a reduction (their wire names). A malformed one
 * is a `UsageError` naming it; whether the cost fits the output layer is checked once the hello is known.
 */
export function networkOption(text: string): DeclaredNetwork {
  const fail = (why: string): never => {
    throw new UsageError(`--network ${JSON.stringify(text)}: ${why}; expected ${NETWORK_SYNTAX}`);
  };
  const parts = text.trim().split(":");
  if (parts.length < 2 || parts.length > 4) fail(`has ${parts.length} ":"-separated parts, not 2 to 4`);
  const [layersText, activationsText, cost, reduction] = parts as [string, string, string?, string?];
  const layers = layersText.split("-").map((w) => (/^\d+$/.test(w.trim()) ? Number(w) : NaN));
  if (layers.length < 2 || !layers.every((w) => Number.isSafeInteger(w) && w > 0)) fail(`the layers ${JSON.stringify(layersText)} are not two or more positive integers joined by "-"`);
  const activations = activationsText.split(",").map((f) => f.trim());
  if (activations.length !== layers.length - 1) fail(`${activations.length} activations for ${layers.length - 1} layers after the input`);
  const unknown = activations.find((f) => !ACTIVATIONS.includes(f as Activation));
  if (unknown !== undefined) fail(`unknown activation ${JSON.stringify(unknown)} (known: ${ACTIVATIONS.join(", ")})`);
  if (activations.slice(0, -1).includes("softmax")) fail("softmax may only be the output layer's activation");
  if (cost !== undefined && !COSTS.includes(cost as Cost)) fail(`unknown cost ${JSON.stringify(cost)} (known: ${COSTS.join(", ")})`);
  if (reduction !== undefined && !REDUCTIONS.includes(reduction as Reduction)) fail(`unknown reduction ${JSON.stringify(reduction)} (known: ${REDUCTIONS.join(", ")})`);
  return { layers, activations, ...(cost !== undefined ? { cost } : {}), ...(reduction !== undefined ? { reduction } : {}) };
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
