import type { RunReport } from "../runReport.ts";
import { areaSummaries } from "./areas.ts";
import { compactJsonText } from "./compactJsonText.ts";
import { detailLines } from "./detailLines.ts";
import { inline } from "./markdownReporter.ts";
import { summaryLine } from "./prettyReporter.ts";
import { printable } from "./printable.ts";

/**
 * The report as Gradescope's autograder `results.json` (gradescope-autograders.readthedocs.io, "Autograder
 * Specifications"): one test per check — `name` its id, `number` "<area>.<k>", `tags` [its area], `max_score` 1,
 * `score` 1 only when it passed, `status` "passed" or "failed", `output` its message and details (the failure
 * text, the replay command) as plain text. A skipped or expected failure scores 0 (select what is graded with
 * --only and --skip). The top-level `score` is the sum, `output` (Markdown) a table of the score per area.
 */
export function gradescopeReporter(report: RunReport): string {
  const areas = areaSummaries(report.checks);
  const tests = areas.flatMap(({ area, checks }, a) => checks.map((r, k) => {
    const passed = r.status === "passed";
    const why = r.status === "skipped" ? `skipped, so no points: ${r.message}` : r.status === "xfailed" ? `failed (listed as an expected failure: ${r.expectedFailure ?? ""}): ${r.message}` : r.message;
    return {
      name: r.id, name_format: "text", number: `${a + 1}.${k + 1}`, tags: [area],
      score: passed ? 1 : 0, max_score: 1, status: passed ? "passed" : "failed",
      output: printable([why, ...detailLines(r)].join("\n")), output_format: "text",
      extra_data: { nncheck_status: r.status },
    };
  }));
  const score = tests.reduce((s, t) => s + t.score, 0);
  const table = [
    "| area | score | passed | failed | errored | skipped |", "|---|--:|--:|--:|--:|--:|",
    ...areas.map(({ area, checks, summary }) => `| ${area} | ${summary.passed} / ${checks.length} | ${summary.passed} | ${summary.failed + summary.xfailed + summary.xpassed} | ${summary.errored} | ${summary.skipped} |`),
    `| **total** | **${score} / ${tests.length}** | | | | |`,
  ];
  const output = [
    `**nncheck ${report.nncheck}**: ${inline(report.implementation.name)} (${report.implementation.dtype}), seed ${report.seed}`, "",
    inline(summaryLine(report)), "", ...table, "", `Replay: \`${report.replay.replace(/`/g, "'")}\``,
  ].join("\n");
  return compactJsonText({
    score, execution_time: Math.round(report.durationMs / 1000), output, output_format: "md",
    test_output_format: "text", test_name_format: "text",
    extra_data: { nncheck: report.nncheck, seed: report.seed, runs: report.runs, ...(report.suite ? { suite: report.suite } : {}), replay: report.replay },
    tests,
  });
}
