import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { runCli, STACK_LINE } from "./runCli.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND";

/** Runs `main` in-process, capturing what it prints. */
async function runMain(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("nncheck (spawned: node src/cli/bin.js)", () => {
  it.concurrent("train --json prints exactly one JSON line {steps, seconds, testAccuracy}", async () => {
    const run = await runCli(["train", "--steps", "2000", "--seed", "3", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    const result: unknown = JSON.parse(lines[0]!);
    expect(Object.keys(result as object).sort()).toEqual(["seconds", "steps", "testAccuracy"]);
    const { steps, seconds, testAccuracy } = result as Record<string, unknown>;
    expect(steps).toBe(2000);
    expect(typeof seconds === "number" && seconds >= 0 && seconds < 60).toBe(true);
    expect(typeof testAccuracy === "number" && testAccuracy >= 0 && testAccuracy <= 1).toBe(true);
    expect(run.stderr).toBe("");
  });

  it.concurrent("--help prints usage and exits 0, for nncheck and for train", async () => {
    const [top, train] = await Promise.all([runCli(["--help"]), runCli(["train", "--help"])]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("Usage: nncheck <command>");
    expect(top.stdout).toContain("train");
    expect(train.code).toBe(0);
    expect(train.stdout).toContain("Usage: nncheck train [--data FILE] [--steps N] [--learning-rate L] [--seed S] [--json]");
  });

  it.concurrent("an unknown flag exits 2 with one line naming it", async () => {
    const run = await runCli(["train", "--stpes", "10"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("--stpes");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it.concurrent("a malformed CSV exits 2 with file:line:column and no stack trace", async () => {
    const path = join(dir, "malformed.csv");
    writeFileSync(path, `${HEADER}\n1,2,3,0\n4,5,abc,1\n`);
    const run = await runCli(["train", "--data", path, "--steps", "10"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`nncheck train: ${path}:3:3: BLUE must be an integer from 0 to 255, found "abc"`);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe("");
  });

  it.concurrent("a missing data file exits 2 naming the file", async () => {
    const path = join(dir, "nope.csv");
    const run = await runCli(["train", "--data", path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`nncheck train: ${path}: cannot read the data file: no such file`);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe("nncheck (in-process main)", () => {
  it("train prints accuracy, sizes, steps, time, seed and data source", async () => {
    const run = await runMain(["train", "--steps", "500", "--seed", "42"]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^test accuracy {3}[01]\.\d{4} \(\d+ of 449 test samples\)$/m);
    expect(run.out).toMatch(/^steps {11}500 \(learning rate 0\.05\)$/m);
    expect(run.out).toMatch(/^training time {3}\d+\.\d{3} s$/m);
    expect(run.out).toMatch(/^seed {12}42$/m);
    expect(run.out).toMatch(/^data {12}generated: 1345 random colours/m);
  });

  it("trains on a CSV given with --data and names it", async () => {
    const path = join(dir, "small.csv");
    const rows = Array.from({ length: 30 }, (_, i) => `${i * 8},${255 - i * 8},${i},${i < 15 ? 1 : 0}`);
    writeFileSync(path, `${HEADER}\n${rows.join("\n")}\n`);
    const run = await runMain(["train", "--data", path, "--steps", "100"]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/\(\d+ of 10 test samples\)/);
    expect(run.out).toContain(`data            ${path} (30 rows)`);
  });

  it("is deterministic per seed (apart from the time)", async () => {
    const once = await runMain(["train", "--steps", "300", "--seed", "8"]);
    const again = await runMain(["train", "--steps", "300", "--seed", "8"]);
    const withoutTime = (out: string): string => out.replace(/^training time.*$/m, "");
    expect(withoutTime(again.out)).toBe(withoutTime(once.out));
  });

  const badUsage: readonly (readonly [string[], string])[] = [
    [["train", "--steps", "abc"], '--steps must be an integer ≥ 1, got "abc"'],
    [["train", "--steps=-5"], '--steps must be an integer ≥ 1, got "-5"'],
    [["train", "--steps", "-5"], '--steps must be an integer ≥ 1, got "-5"'],
    [["train", "--steps", "0"], '--steps must be an integer ≥ 1, got "0"'],
    [["train", "--steps", "2.5"], 'got "2.5"'],
    [["train", "--steps", ""], 'got ""'],
    [["train", "--learning-rate", "Infinity"], '--learning-rate must be a finite number > 0, got "Infinity"'],
    [["train", "--learning-rate", "NaN"], 'got "NaN"'],
    [["train", "--learning-rate", "0"], 'got "0"'],
    [["train", "--seed", "x"], '--seed must be an integer, got "x"'],
    [["train", "--steps"], "argument missing"],
    [["train", "--json=yes"], "--json"],
    [["train", "extra"], "extra"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [[], "Usage: nncheck <command>"],
  ];
  for (const [argv, says] of badUsage) {
    it(`nncheck ${argv.join(" ")} → exit 2: ${says}`, async () => {
      const run = await runMain(argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain(says);
      expect(run.out).toBe("");
      if (argv.length > 0) expect(run.err.split("\n")).toHaveLength(1);
    });
  }
});
