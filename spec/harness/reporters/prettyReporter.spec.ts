import { beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../../src/harness/index.ts";
import { jsonReporter, prettyReporter, summaryLine, tapReporter } from "../../../src/harness/reporters/index.ts";
import { sampleReport } from "./sampleReport.ts";

let report: RunReport;
let text: string;
beforeAll(async () => {
  report = await sampleReport();
  text = prettyReporter(report);
});

describe("prettyReporter", () => {
  it("names the implementation, the seed and the runs first", () => {
    expect(text.split("\n").slice(0, 2)).toEqual([`nncheck ${report.nncheck} — fake (typescript), float64, protocol 1`, "seed 7, runs 10, 7 checks"]);
  });

  it("lists failures, errors and unexpected passes first, then skipped, xfailed and passed", () => {
    const at = (s: string) => text.indexOf(s);
    const order = ["✗ FAILED  oracle/gradients/3-3-1", "✗ ERRORED  oracle/train/3-3-1", "✗ FAILED  property/tanh/odd", "✗ XPASSED  fd/gradients/3-3-1", "skipped (1):", "expected failures (1)", "passed (1):"];
    expect(order.map(at).every((i) => i >= 0)).toBe(true);
    expect([...order.map(at)].sort((a, b) => a - b)).toEqual(order.map(at));
  });

  it("prints the per-entry table, the why of the first failing entry, hints labelled as hints, and the replay", () => {
    const lines = text.split("\n");
    const header = lines.findIndex((l) => l.includes("entry") && l.includes("abs error"));
    expect(lines[header]!.trim().split(/\s{2,}/)).toEqual(["entry", "expected", "actual", "abs error", "rel error", "tolerance"]);
    expect(lines[header + 1]!.trim().split(/\s+/)).toEqual(["✗", "W1[1][2]", "0.25", "0.5", "2.50e-1", "1.00e+0", "4.47e-15"]);
    expect(lines[header + 2]!.trim().split(/\s+/)).toEqual(["✗", "b2[0]", "-0.125", "NaN", "Infinity", "Infinity", "1.79e-15"]);
    expect(text).toContain("why the tolerance of W1[1][2]: 4 × u × E = 4 × 2^-53 × 10.0 = 4.44e-15, plus half an ulp of the exact value (u: the unit roundoff of float64; E: the entry's rounding scale, a product and a sum)");
    expect(text).toContain("hint (a guess from the pattern of errors, not a verdict): every W1 entry is 2× the exact value");
    expect(text).toContain("replay: npx nncheck run --seed 7 --only oracle/gradients/3-3-1");
  });

  it("shows a crash's stderr tail, a counterexample, skip reasons and the expected-failure reason", () => {
    expect(text).toContain("    request #9 (train) failed: the implementation exited with code 3 (its stderr is shown below)\n    the end of its stderr:\n      | Traceback (most recent call last):");
    expect(text).toContain('counterexample: {"x":[0.5,"-Infinity"]}');
    expect(text).toContain("  - property/relu/idempotence: unsupported: forward is not offered");
    expect(text).toContain("  - fd/step/3-3-1: known: step ignores the bias — step: W1 not updated");
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it("ends with the summary line (seed included) and the command replaying the run, as TAP and JSON do", () => {
    expect(text.split("\n").slice(-2)).toEqual([
      expect.stringMatching(/^7 checks: 1 passed, 2 failed, 1 errored, 1 skipped, 1 xfailed, 1 xpassed in \d+ ms \(seed 7\)$/),
      `replay: ${report.replay}`,
    ]);
    expect(report.replay).toBe('npx nncheck run --impl "python3 adapter.py" --seed 7');
    expect(tapReporter(report).split("\n").at(-1)).toBe(`# replay: ${report.replay}`);
    expect((JSON.parse(jsonReporter(report)) as { replay: string }).replay).toBe(report.replay);
  });

  it("gives every failing or errored check the command that replays it alone", () => {
    const bad = report.checks.filter((r) => r.status === "failed" || r.status === "errored" || r.status === "xpassed");
    expect(bad.length).toBeGreaterThan(0);
    for (const r of bad) expect(r.details?.replay, r.id).toMatch(new RegExp(`--only ${r.id.replace(/[/.]/g, "\\$&")}( |$)`));
  });

  it("says in the summary line that nothing was checked when every check was skipped", () => {
    const allSkipped = { ...report, checks: report.checks.map((r) => ({ ...r, status: "skipped" as const })), summary: { passed: 0, failed: 0, errored: 0, skipped: 7, xfailed: 0, xpassed: 0 } };
    expect(summaryLine(allSkipped)).toMatch(/^7 checks: 7 skipped — nothing was checked in \d+ ms \(seed 7\)$/);
  });

  it("colours status labels only when asked", () => {
    expect(text).not.toContain("\x1b[");
    expect(prettyReporter(report, { color: true })).toContain("\x1b[31m✗ FAILED\x1b[0m");
  });
});
