// A verdict does not depend on how busy the machine is: a correct implementation that takes a fixed 5 ms per
// answer, run through the full suite with --timeout-ms 2000 while a busy loop occupies every core (on top of the
// rest of the test suite), gets no errored check. The busy loops are this test's own children, killed at its end.
// Every check runs, at --runs 5: the finite-difference checks, which queue thousands of requests at once, send
// about as many at 5 as at the default 100 (8,322 requests in all); the properties' cases, which do not, are fewer.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { shellCommand } from "../../src/harness/index.ts";
import { killTracked, spawnTracked } from "../support/processes.ts";
import { runMain } from "./runInProcess.ts";

const DELAYED = fileURLToPath(new URL("../protocol/fakes/delayedReference.ts", import.meta.url));

describe("nncheck run on a loaded machine", () => {
  it("a correct implementation answering after 5 ms, every check, --timeout-ms 2000, a busy loop per core: nothing errored", async () => {
    const busy = Array.from({ length: availableParallelism() }, () => spawnTracked(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
    try {
      const run = await runMain(["run", "--impl", shellCommand(["node", "--import", "tsx", DELAYED, "5"]), "--timeout-ms", "2000", "--runs", "5", "--reporter", "json"]);
      const report = JSON.parse(run.out) as { durationMs: number; checks: { id: string; status: string; message: string }[] };
      expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
      expect(report.checks).toHaveLength(allChecks().length);
      expect(run.code).toBe(0);
      console.log(`${report.checks.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s beside ${busy.length} busy loops`);
    } finally {
      await killTracked(busy);
    }
  });
});
