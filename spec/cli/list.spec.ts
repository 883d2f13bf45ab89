import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { runCli } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

const checks = allChecks();

describe("nncheck list", () => {
  it.concurrent("prints every check id, one per line, in report order (spawned)", async () => {
    const run = await runCli(["list"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${checks.map((c) => c.id).join("\n")}\n`);
  });

  it("--long adds each description after the id", async () => {
    const run = await runMain(["list", "--long"]);
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines).toHaveLength(checks.length);
    lines.forEach((line, i) => {
      expect(line.startsWith(`${checks[i]!.id} `)).toBe(true);
      expect(line.endsWith(`  ${checks[i]!.description}`)).toBe(true);
    });
  });

  it("--only and --skip list what 'run' would run", async () => {
    const run = await runMain(["list", "--only", "oracle/*/3-3-1", "--skip", "oracle/train"]);
    expect(run.out.split("\n")).toEqual(checks.map((c) => c.id).filter((id) => /^oracle\/(forward|gradients|step)\/3-3-1$/.test(id)));
  });

  it("--only matching nothing and unknown flags exit 2", async () => {
    expect(await runMain(["list", "--only", "nope"])).toMatchObject({ code: 2, err: `nncheck list: --only "nope" matches no check; run 'nncheck list' to see the ids`, out: "" });
    expect((await runMain(["list", "--lng"])).code).toBe(2);
  });

  it("--help prints the usage", async () => {
    const run = await runMain(["list", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("Usage: nncheck list [--long]");
  });
});
