import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { FontDataError } from "../data/FontDataError.ts";
import { NNCHECK_VERSION } from "../harness/version.ts";
import type { CliIo, Command } from "./command.ts";
import { processIo, UsageError } from "./command.ts";

/**
 * Every subcommand, by name: add a new one here. A command's module is imported only when it runs, so that
 * `nncheck --help` loads none of them (the summaries are the commands' own: spec/cli/startup.spec.ts compares).
 */
export const COMMANDS: readonly { readonly name: string; readonly summary: string; readonly load: () => Promise<Command> }[] = [
  { name: "run", summary: "run the conformance checks against an implementation (default: the reference)", load: async () => (await import("./runCommand.ts")).runCommand },
  { name: "list", summary: "list the conformance checks' ids (with --long, their descriptions)", load: async () => (await import("./listCommand.ts")).listCommand },
  { name: "train", summary: "train the seed's network with the reference and print its test accuracy", load: async () => (await import("./trainCommand.ts")).trainCommand },
  { name: "compare", summary: "run several implementations against the same checks: a matrix, report cards and badges", load: async () => (await import("./compareCommand.ts")).compareCommand },
];

/** Errors that are the user's to fix (bad usage or bad input): printed as one line, exit code 2. */
const USER_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [UsageError, FontDataError];

function topUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: nncheck <command> [options]", "", "Commands:", ...lines, "",
    "Run 'nncheck <command> --help' for a command's options; 'nncheck --version' (-v) prints the version.",
  ].join("\n");
}

/** Runs `nncheck` with `argv` (without node and the script), writing to `io`; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.out(topUsage());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(NNCHECK_VERSION);
    return 0;
  }
  if (name === undefined) {
    io.err(topUsage());
    return 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(`nncheck: unknown command "${name}"; expected one of: ${COMMANDS.map((c) => c.name).join(", ")}. Run 'nncheck --help'.`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(args, io);
  } catch (error: unknown) {
    if (USER_ERRORS.some((type) => error instanceof type)) {
      const hint = error instanceof UsageError ? ` (run 'nncheck ${name} --help')` : "";
      io.err(`nncheck ${name}: ${(error as Error).message}${hint}`);
      return 2;
    }
    // An internal error: the message first, then the stack for whoever debugs it.
    io.err(`nncheck ${name}: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof Error && error.stack !== undefined) io.err(error.stack);
    return 1;
  }
}

/** Whether this module is the program node was started with (`tsx src/cli/main.ts …`). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
