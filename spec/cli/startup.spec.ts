/**
 * The CLI's start-up shape: main.ts lists the commands without importing them (their modules load only when they
 * run), so its summaries must stay the commands' own; --version and -v print package.json's version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/main.ts";
import { REPO_ROOT } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

describe("nncheck's commands, loaded lazily", () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))("%s: main's name and summary are the command's own", async (_, entry) => {
    const command = await entry.load();
    expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
  });

  it("--version and -v print the version of package.json, exit 0", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const run = await runMain([flag]);
      expect(run).toEqual({ code: 0, out: version, err: "" });
    }
  });

  it("--help names every command and --version", async () => {
    const run = await runMain(["--help"]);
    const width = Math.max(...COMMANDS.map((c) => c.name.length)); // the names line up in one column
    for (const { name, summary } of COMMANDS) expect(run.out).toContain(`  ${name.padEnd(width)}  ${summary}`);
    expect(run.out).toContain("'nncheck --version' (-v)");
  });
});
