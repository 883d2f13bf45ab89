/**
 * Once per `vitest run`: a fresh directory where every process the suite starts is recorded (see processes.ts),
 * and at the very end a check that none of them is still alive — any survivor is named, killed, and fails the run.
 * Before anything runs, dist/ is brought up to date with the sources (the spawned CLI runs it: see builtCli.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt } from "./builtCli.ts";
import { killSurvivor, PID_DIR_ENV, survivors } from "./processes.ts";

let dir: string | undefined;

export function setup(): void {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "nncheck-test-pids-"));
  process.env[PID_DIR_ENV] = dir;
}

export async function teardown(): Promise<void> {
  if (dir === undefined) return;
  let alive = survivors(dir);
  for (let i = 0; i < 50 && alive.length > 0; i++) { // a process killed a moment ago may still be exiting
    await new Promise((resolve) => setTimeout(resolve, 100));
    alive = survivors(dir);
  }
  if (alive.length > 0) {
    process.stderr.write(`\nFAIL: ${alive.length} process(es) started by the test suite outlived it (now killed):\n${alive.map((s) => `  pid ${s.pid}: ${s.what}`).join("\n")}\n`);
    alive.forEach(killSurvivor);
    process.exitCode = 1;
  }
  rmSync(dir, { recursive: true, force: true });
}
