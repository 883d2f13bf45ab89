import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json is). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node src/cli/bin.js …args` from the repo root, as a user's `nncheck …args` would. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["src/cli/bin.js", ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A stack-trace line ("    at foo (file:1:2)"). */
export const STACK_LINE = /^\s+at /m;
