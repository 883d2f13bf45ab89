/**
 * The processes the test suite starts, recorded so that none outlives it. Every process a spec spawns goes
 * through `spawnTracked` (its own process group, killed whole by `killTracked` or at the end of the spec file);
 * fake implementations started by nncheck itself record their own pid (see `recordSelf` in the fakes). The
 * global teardown (spec/support/globalSetup.ts) reports, kills and fails the run on any survivor. Only the
 * processes recorded here are looked at, never the machine's other processes.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The directory where spawned processes are recorded, one file per pid (set by the global setup). */
export const PID_DIR_ENV = "NNCHECK_TEST_PID_DIR";

/** The kernel's start time of `pid` (field 22 of /proc/<pid>/stat), which tells a pid apart from a reused one. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] === "Z" ? undefined : fields[19]; // a zombie is dead; fields[19] is field 22 (starttime)
  } catch {
    return undefined;
  }
}

/** Records `pid` (a group leader when `group`) as started by the suite. */
export function recordPid(pid: number, what: string, group: boolean): void {
  const dir = process.env[PID_DIR_ENV];
  const start = startTimeOf(pid);
  if (dir === undefined || start === undefined) return;
  writeFileSync(join(dir, String(pid)), JSON.stringify({ pid, start, group, what }));
}

const running = new Set<ChildProcess>();

/** `spawn` in a new process group, recorded; `killTracked` (or the end of the spec file) kills the group. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, [...args], { ...options, detached: true });
  if (child.pid !== undefined) {
    recordPid(child.pid, [command, ...args].join(" ").slice(0, 200), true);
    running.add(child);
    child.once("exit", () => running.delete(child));
  }
  return child;
}

/** Kills the process groups of `children` (default: every tracked child still running) and waits for them to exit. */
export async function killTracked(children: Iterable<ChildProcess> = running): Promise<number> {
  const alive = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(alive.map((child) => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      return undefined; // already gone
    }
    return exited;
  }));
  return alive.length;
}

/** A record of `recordPid` whose process (or, for a group, some process of its group) is still alive. */
export interface Survivor {
  readonly pid: number;
  readonly what: string;
}

/** The recorded processes of `dir` that are still alive. */
export function survivors(dir: string): Survivor[] {
  const alive: Survivor[] = [];
  for (const name of readdirSync(dir)) {
    const { pid, start, group, what } = JSON.parse(readFileSync(join(dir, name), "utf8")) as { pid: number; start: string; group: boolean; what: string };
    const leaderAlive = startTimeOf(pid) === start;
    if (leaderAlive || (group && groupAlive(pid))) alive.push({ pid, what });
  }
  return alive;
}

/** Kills `survivor` (its group when it led one). */
export function killSurvivor(survivor: Survivor): void {
  for (const target of [-survivor.pid, survivor.pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // gone already
    }
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
