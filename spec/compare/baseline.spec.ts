import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compareWithBaseline, loadBaseline, regressionExitCode } from "../../src/compare/baseline.ts";
import { jsonReporter } from "../../src/harness/reporters/index.ts";
import { RunSetupError, summarize, type CheckResult, type ResultStatus, type RunReport } from "../../src/harness/index.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SUITE = { version: "0.1.0", checks: 9, hash: `sha256:${"a".repeat(64)}` };
function report(statuses: Record<string, ResultStatus>, overrides: Partial<RunReport> = {}): RunReport {
  const checks: CheckResult[] = Object.entries(statuses).map(([id, status]) => ({ id, description: "", status, durationMs: 0, message: status }));
  return {
    nncheck: "0.1.0", suite: SUITE, protocol: 1, implementation: { protocol: 1, name: "mine", dtype: "float64", methods: [], activations: [] },
    seed: 1, runs: 100, replay: "npx nncheck run --seed 1", durationMs: 1, summary: summarize(checks), checks, ...overrides,
  };
}

describe("compareWithBaseline", () => {
  const before = report({ a: "passed", b: "failed", c: "xfailed", d: "passed", e: "errored", f: "skipped", g: "passed", gone: "passed" });
  const now = report({ a: "failed", b: "failed", c: "failed", d: "errored", e: "passed", f: "passed", g: "skipped", fresh: "failed" });
  const diff = compareWithBaseline(now, before, "old.json");

  it("names what newly fails (not what failed before, xfailed included), newly passes and newly skips", () => {
    expect(diff.newlyFailing).toEqual([{ id: "a", was: "passed", now: "failed" }, { id: "d", was: "passed", now: "errored" }, { id: "fresh", now: "failed" }]);
    expect(diff.newlyPassing).toEqual([{ id: "e", was: "errored", now: "passed" }]);
    expect(diff.newlySkipped).toEqual([{ id: "g", was: "passed", now: "skipped" }]);
    expect(diff.changed.map((c) => c.id)).toEqual(["a", "c", "d", "e", "f", "g", "fresh"]);
    expect([diff.added, diff.removed, diff.unchanged]).toEqual([["fresh"], ["gone"], 1]);
    expect(diff.notices).toEqual([]);
  });

  it("--fail-on regressions fails only on a newly failing check", () => {
    expect(regressionExitCode(diff)).toBe(1);
    const knownFailures = compareWithBaseline(report({ b: "failed", c: "xfailed" }), report({ b: "failed", c: "failed" }), "x");
    expect(regressionExitCode(knownFailures)).toBe(0);
  });

  it("names a changed seed, run count, suite, implementation, dtype and shard instead of comparing silently", () => {
    const other = report({ a: "passed" }, {
      seed: 2, runs: 50, suite: { ...SUITE, version: "0.2.0", hash: `sha256:${"b".repeat(64)}` },
      implementation: { protocol: 1, name: "theirs", dtype: "float32", methods: [], activations: [] }, shard: { index: 1, count: 2 },
    });
    const notices = compareWithBaseline(other, report({ a: "passed" }), "x").notices;
    expect(notices).toEqual([
      "the seed differs: 1 in the baseline, 2 now (the random cases differ)",
      "--runs differs: 100 in the baseline, 50 now (property and random checks ran a different number of cases)",
      "the shard differs: the whole selection in the baseline, shard 1/2 now (ids outside this run are listed as removed, not compared)",
      `the implementation differs: "mine" in the baseline, "theirs" now (is it the same implementation?)`,
      "the dtype differs: float64 in the baseline, float32 now (tolerances differ)",
      "the suite version differs: 0.1.0 in the baseline, 0.2.0 now (checks may have changed meaning; compared by id)",
      expect.stringMatching(/^the suite hash differs: sha256:aaaaaaaaaaaa… \(9 checks\) in the baseline, sha256:bbbbbbbbbbbb… \(9 checks\) now/),
    ]);
    const { suite: _suite, ...old } = report({ a: "passed" });
    expect(compareWithBaseline(report({ a: "passed" }), old, "x").notices).toEqual([expect.stringMatching(/^the suite cannot be compared: the baseline names no suite version and hash/)]);
  });
});

describe("loadBaseline", () => {
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  it("reads a report the JSON reporter wrote", () => {
    const path = file("ok.json", jsonReporter(report({ a: "passed" })));
    expect(loadBaseline(path).checks.map((c) => c.id)).toEqual(["a"]);
  });
  it.each([
    ["missing.json", null, /cannot read it: no such file/],
    ["garbage.json", "{ not json", /not valid JSON/],
    ["junit.json", JSON.stringify({ testsuites: [] }), /not a report written by --reporter json .*: the document must have required property/],
  ])("rejects %s, naming the file", (name, text, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    expect(() => loadBaseline(path)).toThrow(RunSetupError);
    expect(() => loadBaseline(path)).toThrow(new RegExp(`^--baseline ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${message.source}`));
  });
});
