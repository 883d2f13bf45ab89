// Every user mistake and malformed input of issue 12 point 3 ends with exit 2 (or exit 1 with a verdict, where the
// implementation is at fault) and a one-line message naming the input: never a stack trace, never "internal error".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { FAKE } from "../protocol/helpers.ts";
import { runCli, STACK_LINE } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-mistakes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = (name: string, rows: number): string => {
  const path = join(dir, name);
  writeFileSync(path, ["RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND", ...Array.from({ length: rows }, (_, i) => `${i},${2 * i},${3 * i},${i % 2}`)].join("\n") + "\n");
  return path;
};
const fakeImpl = (mode: string) => shellCommand(["node", FAKE, mode]);

/** Exit 2, nothing on stdout, exactly one line on stderr that contains `says`, no stack trace, no "internal error". */
function expectUsageError(run: { code: number | null; out: string; err: string }, says: string | RegExp): void {
  expect(run.code, run.err).toBe(2);
  expect(run.out).toBe("");
  expect(run.err.trimEnd().split("\n"), run.err).toHaveLength(1);
  expect(run.err).toMatch(says);
  expect(run.err).not.toMatch(STACK_LINE);
  expect(run.err).not.toMatch(/internal error|a bug in nncheck/);
}

describe("user mistakes: exit 2 with one line naming the input", () => {
  const cases: [string, string[], string | RegExp][] = [
    ["--replay garbage", ["run", "--only", "property/relu/idempotent", "--replay", "garbage"], 'nncheck run: --replay "garbage" is not a replay path: expected numbers separated by colons, e.g. "3:1:0"'],
    ["--replay on a check that is not a property", ["run", "--only", "oracle/forward/3-3-1", "--replay", "3:1"], "nncheck run: --replay applies to a property (property/…), but the selected check is oracle/forward/3-3-1"],
    ["train --data with one row", ["train", "--data", csv("one.csv", 1)], /^nncheck train: .*one\.csv: 1 data row is too few: the test third would hold 1 \(train needs at least 28 rows, for a test set of at least 10\)$/],
    ["train --data with two rows", ["train", "--data", csv("two.csv", 2)], /^nncheck train: .*two\.csv: 2 data rows are too few: the test third would hold 1/],
    ["--output /proc/x, before the implementation is even started", ["run", "--impl", "/no/such/program", "--output", "/proc/x"], /^nncheck run: cannot write the pretty report to \/proc\/x: /],
    ["--runs -1", ["run", "--runs", "-1"], 'nncheck run: --runs must be an integer ≥ 1, got "-1"'],
    ["--seed -1", ["run", "--seed", "-1"], 'nncheck run: --seed must be a non-negative integer, got "-1"'],
    ["train --steps -1", ["train", "--steps", "-1"], 'nncheck train: --steps must be an integer ≥ 1, got "-1"'],
    ["train --steps 0", ["train", "--steps", "0"], 'nncheck train: --steps must be an integer ≥ 1, got "0"'],
    ["a selection that leaves no check", ["run", "--only", "oracle/forward/3-3-1", "--skip", "oracle"], "nncheck run: no check is left to run"],
    ["a hello nested 100,000 brackets deep", ["run", "--impl", fakeImpl("deep-hello"), "--only", "oracle/forward/3-3-1"], /^nncheck run: ".*deep-hello" did not start: before its hello answer: protocol error: stdout line nests arrays or objects more than 64 deep/],
  ];
  for (const [what, argv, says] of cases) {
    it.concurrent(what, async () => expectUsageError(await runMain(argv), says));
  }

  it.concurrent("the same through the real nncheck process: a deep hello, a bad --replay, --seed -1", async () => {
    for (const argv of [["run", "--impl", fakeImpl("deep-hello")], ["run", "--only", "property/relu/idempotent", "--replay", "x:1"], ["run", "--seed", "-1"]]) {
      const run = await runCli(argv);
      expectUsageError({ code: run.code, out: run.stdout, err: run.stderr }, /^nncheck run: /);
    }
  });
});

describe("an implementation at fault: exit 1 with a verdict, each check's message one line", () => {
  it.each([
    ["a response nested 100,000 brackets deep", "deep", /protocol error: stdout line nests arrays or objects more than 64 deep/],
    ["a response with both a result and an error", "both", /has both a "result" and an "error"; expected exactly one of them$/],
  ])("%s → errored", async (_, mode, message) => {
    const run = await runMain(["run", "--impl", fakeImpl(mode), "--only", "oracle/forward/3-3-1", "--only", "activation/identity/audit", "--reporter", "json"]);
    expect(run.code, run.err).toBe(1);
    const report = JSON.parse(run.out) as { checks: { status: string; message: string }[] };
    expect(report.checks.map((c) => c.status)).toEqual(["errored", "errored"]);
    for (const c of report.checks) {
      expect(c.message).toMatch(message);
      expect(c.message).not.toContain("\n");
    }
    expect(run.err).not.toMatch(STACK_LINE);
  });
});
