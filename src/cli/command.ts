/** Where a command writes: one call per line (the newline is added). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** A subcommand of `nncheck`: parses its own arguments, calls the library, prints, returns the exit code. */
export interface Command {
  readonly name: string;
  /** One line for the top-level usage. */
  readonly summary: string;
  /** The command's full usage text (printed by `--help`). */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Bad command-line usage (unknown flag, bad value…): the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The `CliIo` of the running process. */
export const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};
