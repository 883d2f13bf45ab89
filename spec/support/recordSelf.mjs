// For fake implementations (plain Node scripts started by nncheck): records this process, or another one it
// started, in the test suite's pid directory, so the global teardown can check it did not outlive the suite.
// The same record as recordPid in processes.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function recordSelf(what, pid = process.pid, group = false) {
  const dir = process.env.NNCHECK_TEST_PID_DIR;
  if (dir === undefined) return;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    writeFileSync(join(dir, String(pid)), JSON.stringify({ pid, start, group, what }));
  } catch {
    // not on Linux, or already gone: nothing to record
  }
}
