/**
 * The process groups of running implementations, killed whole (grandchildren too) on close, and also when
 * nncheck exits or receives SIGINT/SIGTERM. The exit and signal handlers are installed once, while at least one
 * group is alive, and removed when the last one is gone.
 */

const live = new Set<number>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** Sends SIGKILL to the whole process group led by `pid`, best effort: a group that is already gone is fine. */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: nothing left to kill. Anything else (EPERM) must not take nncheck down from a timer or exit handler.
  }
}

/** Kills the group led by `pid` if nncheck exits or is interrupted before `untrackGroup(pid)`. */
export function trackGroup(pid: number): void {
  if (live.size === 0) {
    process.on("exit", killAll);
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  live.add(pid);
}

/** Stops watching the group led by `pid` (after it was killed). */
export function untrackGroup(pid: number): void {
  if (!live.delete(pid) || live.size > 0) return;
  removeHandlers();
}

/** How many groups are being watched (for tests). */
export function trackedGroupCount(): number {
  return live.size;
}

function removeHandlers(): void {
  process.off("exit", killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function killAll(): void {
  for (const pid of live) killGroup(pid);
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  removeHandlers();
  // Our listener suppressed the default action; if nobody else handles the signal, die of it as usual.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}
