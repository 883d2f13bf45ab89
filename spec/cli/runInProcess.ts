import { main } from "../../src/cli/main.ts";

/** What an in-process `main` run printed and returned. */
export interface MainRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `nncheck …argv` in-process, capturing what it prints. */
export async function runMain(argv: readonly string[]): Promise<MainRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs `promise` and how long it took, in ms. */
export async function timed<T>(promise: Promise<T>): Promise<T & { ms: number }> {
  const start = performance.now();
  const value = await promise;
  return { ...value, ms: performance.now() - start };
}
