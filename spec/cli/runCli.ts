import { fileURLToPath } from "node:url";
import { killTracked, spawnTracked } from "../support/processes.ts";

/** The repository root (where package.json is). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Node's arguments that run the CLI as the package ships it, `node src/cli/bin.js …` (the compiled dist/, which the
 * suite's global setup keeps up to date with the sources: ../support/builtCli.ts).
 */
export const CLI_BIN: readonly string[] = ["src/cli/bin.js"];

/**
 * Runs `node src/cli/bin.js …args` from the repo root, as a user's `nncheck …args` would, in its own
 * process group. `limitMs` is a safety net, not an assertion: a run still going after it is killed and the call
 * fails, naming it (pass a generous multiple of the timeouts the run configures).
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, limitMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(process.execPath, [...CLI_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    const limit = setTimeout(() => {
      void killTracked([child]);
      reject(new Error(`nncheck ${args.join(" ")} was still running after ${limitMs} ms and was killed; stderr so far:\n${stderr.slice(-2000)}`));
    }, limitMs);
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A stack-trace line ("    at foo (file:1:2)"). */
export const STACK_LINE = /^\s+at /m;
