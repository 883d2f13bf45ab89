// The implementation's process is always closed: at the end of a run, and when nncheck is interrupted.
import { execFileSync, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { FAKE, waitUntilGone } from "../protocol/helpers.ts";
import { CLI_FROM_SOURCES, REPO_ROOT, runCli } from "./runCli.ts";

/** The pids of the direct children of `pid`. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe("nncheck run closes the implementation", () => {
  it.concurrent("at the end of the run: the process is gone", async () => {
    const run = await runCli(["run", "--impl", shellCommand(["node", FAKE, "pid-hello"]), "--only", "oracle/forward/3-3-1", "--reporter", "json"]);
    const pid = Number(/^fake (\d+)$/.exec((JSON.parse(run.stdout) as { implementation: { name: string } }).implementation.name)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntilGone(pid, 2000)).toBe(true);
  });

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it.concurrent(`on ${signal}: kills the implementation and exits ${code} at once`, async () => {
      const child = spawn(process.execPath, [...CLI_FROM_SOURCES, "run", "--impl", shellCommand(["node", FAKE, "hang"]), "--only", "oracle/forward/3-3-1", "--timeout-ms", "60000"], { cwd: REPO_ROOT });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      let fakes: number[] = [];
      const deadline = performance.now() + 10_000;
      while (fakes.length === 0 && performance.now() < deadline) { // wait until the fake is running
        await new Promise((r) => setTimeout(r, 50));
        fakes = childrenOf(child.pid!);
      }
      expect(fakes.length).toBe(1);
      await new Promise((r) => setTimeout(r, 300)); // let its hello finish and requests start hanging
      const start = performance.now();
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(performance.now() - start).toBeLessThan(3000);
      expect(await waitUntilGone(fakes[0]!, 2000)).toBe(true);
      expect(stderr).toContain(`nncheck run: interrupted by ${signal}; closing the implementation`);
    });
  }
});
