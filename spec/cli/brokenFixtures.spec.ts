// nncheck run and list against copies of fixtures/ with one thing broken (NNCHECK_FIXTURES_DIR points at the copy):
// a corrupted digit fails the check that reads it; a file that breaks its schema or is cut short errors only the
// checks that use it, naming the file and where; list and unrelated checks do not notice.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { FIXTURE_KINDS, fixturePath } from "../../src/fixtures/index.ts";
import { runCli, STACK_LINE } from "./runCli.ts";

interface Report { checks: { id: string; status: string; message: string; details?: { hints?: { kind: string; message: string }[] } }[] }

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of fixtures/ with `edit` applied to the text of `kind`'s file. */
function brokenCopy(kind: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "nncheck-fixtures-"));
  dirs.push(dir);
  for (const k of FIXTURE_KINDS) copyFileSync(fixturePath(k), fixturePath(k, dir));
  writeFileSync(fixturePath(kind as never, dir), edit(readFileSync(fixturePath(kind as never), "utf8")));
  return dir;
}

/** `text` with the digit after the first occurrence of `prefix` changed (a correct value becomes a wrong one). */
function corruptDigitAfter(text: string, prefix: string): string {
  const at = text.indexOf(prefix) + prefix.length;
  expect(at).toBeGreaterThanOrEqual(prefix.length);
  const digit = Number(text[at]);
  return text.slice(0, at) + String((digit + 5) % 10) + text.slice(at + 1);
}

async function run(dir: string, args: readonly string[]) {
  const result = await runCli(["run", ...args, "--reporter", "json"], { NNCHECK_FIXTURES_DIR: dir });
  expect(result.stderr).not.toMatch(STACK_LINE);
  return { code: result.code, report: JSON.parse(result.stdout) as Report };
}
const statusOf = (report: Report, id: string) => report.checks.find((c) => c.id === id)?.status;

describe("fixture files broken by hand", () => {
  it.concurrent("a corrupted digit fails the fixture check that reads the value, and says the file looks corrupted", async () => {
    // dC/dW1[1][1] of the worked example with Y = 0 is 0.00789382792387970…: its 5th significant digit changes.
    const dir = brokenCopy("worked-example", (text) => corruptDigitAfter(text, '"0.0078938'));
    const { code, report } = await run(dir, ["--only", "fixture/worked-example"]);
    expect(code).toBe(1);
    expect(report.checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      "fixture/worked-example/forward passed", "fixture/worked-example/gradients/y=0 failed", "fixture/worked-example/step/y=0 passed",
      "fixture/worked-example/gradients/y=1 passed", "fixture/worked-example/step/y=1 passed",
    ]);
    const failed = report.checks[1]!;
    expect(failed.message).toMatch(/disagree with the fixture's exact values; .*1 of 17 entries wrong \(W1\[1\]\[1\]\)/);
    expect(failed.details?.hints?.[0]).toMatchObject({ kind: "fixture-corrupted", message: expect.stringMatching(/worked-example\.json stores W1\[1\]\[1\] = 0\.00789.*but recomputing it from the file's own inputs gives 0\.0078938279238797/) });
  });

  it.concurrent("a corrupted digit in a stored trajectory cost fails the trajectory check", async () => {
    const dir = brokenCopy("sgd-trajectory", (text) => corruptDigitAfter(text, '"costs": [\n    "0.00'));
    const { code, report } = await run(dir, ["--only", "fixture/sgd-trajectory"]);
    expect(code).toBe(1);
    expect(report.checks[0]).toMatchObject({ status: "failed", message: expect.stringMatching(/case 0 \(steps 0–24\): 1 of \d+ entries wrong \(costs\[0\]\)/) });
  });

  it.concurrent("a number where a string belongs errors the checks of that file only, naming file and JSON pointer; list still works", async () => {
    const dir = brokenCopy("random-cases", (text) => text.replace(/"learningRate": "([^"]*)"/, '"learningRate": 0.45'));
    const { code, report } = await run(dir, ["--only", "fixture/random-cases/3-3-1.relu-logistic.n1", "--only", "fixture/worked-example/forward", "--only", "oracle/forward/3-3-1"]);
    expect(code).toBe(1);
    expect(report.checks.map((c) => `${c.id} ${c.status}`)).toEqual([
      "fixture/worked-example/forward passed",
      "fixture/random-cases/3-3-1.relu-logistic.n1/forward errored", "fixture/random-cases/3-3-1.relu-logistic.n1/gradients errored",
      "fixture/random-cases/3-3-1.relu-logistic.n1/step errored", "oracle/forward/3-3-1 passed",
    ]);
    expect(report.checks[1]!.message).toMatch(/^broken fixture: .*random-cases\.json: \/cases\/0\/learningRate: must be string \(got 0\.45\)$/);
    const list = await runCli(["list"], { NNCHECK_FIXTURES_DIR: dir });
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split("\n")).toEqual(allChecks().map((c) => c.id));
  });

  it.concurrent("a file cut short errors its check with the place where the JSON breaks off", async () => {
    const dir = brokenCopy("sgd-trajectory", (text) => text.slice(0, Math.floor(text.length / 2)));
    const { code, report } = await run(dir, ["--only", "fixture/sgd-trajectory", "--only", "fixture/worked-example/forward"]);
    expect(code).toBe(1);
    expect(statusOf(report, "fixture/worked-example/forward")).toBe("passed");
    expect(report.checks.find((c) => c.id === "fixture/sgd-trajectory/train")).toMatchObject({
      status: "errored", message: expect.stringMatching(/^broken fixture: .*sgd-trajectory\.json: not JSON: .*(line \d+, column \d+|truncated\?)/),
    });
  });
});
