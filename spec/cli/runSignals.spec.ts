// The implementation's process is always closed: at the end of a run, and when nncheck is interrupted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { until } from "../support/manualClock.ts";
import { killTracked, spawnTracked } from "../support/processes.ts";
import { FAKE, waitUntilGone } from "../protocol/helpers.ts";
import { CLI_BIN, REPO_ROOT, runCli } from "./runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-signals-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("nncheck run closes the implementation", () => {
  it.concurrent("at the end of the run: the process is gone", async () => {
    const run = await runCli(["run", "--impl", shellCommand(["node", FAKE, "pid-hello"]), "--only", "oracle/forward/3-3-1", "--reporter", "json"]);
    const pid = Number(/^fake (\d+)$/.exec((JSON.parse(run.stdout) as { implementation: { name: string } }).implementation.name)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(await waitUntilGone(pid)).toBe(true);
  });

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it.concurrent(`on ${signal}: kills the implementation and exits ${code} at once, not after the 60 s timeout`, async () => {
      const ready = join(dir, `${signal}.ready`);
      // The fake writes `ready` when the first request after hello reaches it: by then nncheck handles signals.
      const child = spawnTracked(process.execPath, [...CLI_BIN, "run", "--impl", shellCommand(["node", FAKE, "hang"]), "--only", "oracle/forward/3-3-1", "--timeout-ms", "60000"], {
        cwd: REPO_ROOT, env: { ...process.env, NNCHECK_FAKE_READY: ready },
      });
      try {
        let stderr = "";
        child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
        await until(() => existsSync(ready) && readFileSync(ready, "utf8") !== "", "the fake's first request");
        const fake = Number(readFileSync(ready, "utf8"));
        child.kill(signal);
        // Half the configured timeout: had nncheck waited for its requests instead of the signal, this would fail.
        const limit = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 30_000).unref());
        expect(await Promise.race([exited, limit])).toBe(code);
        expect(await waitUntilGone(fake)).toBe(true);
        expect(stderr).toContain(`nncheck run: interrupted by ${signal}; closing the implementation`);
      } finally {
        await killTracked([child]);
      }
    });
  }

  it.concurrent("with --jobs 2, on SIGTERM: kills every worker's implementation and exits 143", async () => {
    const ready = join(dir, "jobs.ready");
    const log = join(dir, "jobs.pids");
    // Every worker has said hello (its fake logged its pid) before the pool hands out the first check.
    const child = spawnTracked(process.execPath, [...CLI_BIN, "run", "--jobs", "2", "--impl", shellCommand(["node", FAKE, "hang"]), "--only", "oracle/forward/3-3-1", "--only", "oracle/forward/2-5-1", "--timeout-ms", "60000"], {
      cwd: REPO_ROOT, env: { ...process.env, NNCHECK_FAKE_READY: ready, NNCHECK_FAKE_PID_LOG: log },
    });
    try {
      const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
      await until(() => existsSync(ready) && readFileSync(ready, "utf8") !== "", "a fake's first request");
      const fakes = readFileSync(log, "utf8").trim().split("\n").map(Number);
      expect(fakes).toHaveLength(2);
      child.kill("SIGTERM");
      const limit = new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 30_000).unref());
      expect(await Promise.race([exited, limit])).toBe(143);
      for (const fake of fakes) expect(await waitUntilGone(fake)).toBe(true);
    } finally {
      await killTracked([child]);
    }
  });
});
