import type { CheckResult, RunReport } from "../runReport.ts";
import { detailLines } from "./detailLines.ts";
import { xmlAttribute, xmlText } from "./xmlEscape.ts";

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/**
 * The report as JUnit XML for CI systems: one `<testsuite>` per id group (`oracle`, `fd`, `property`…) with
 * tests, failures, errors, skipped and time; one `<testcase classname name time>` per check. Failed →
 * `<failure>`, errored → `<error>`, skipped → `<skipped>`, xfailed → passing with a `<system-out>` note,
 * xpassed → `<failure>`. Every suite carries the seed, the implementation, the replay command and (when known) the
 * suite's version and hash and the shard as properties.
 */
export function junitReporter(report: RunReport): string {
  const groups = new Map<string, CheckResult[]>();
  for (const r of report.checks) {
    const group = r.id.split("/")[0]!;
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  const count = (results: readonly CheckResult[]) => ({
    tests: results.length,
    failures: results.filter((r) => r.status === "failed" || r.status === "xpassed").length,
    errors: results.filter((r) => r.status === "errored").length,
    skipped: results.filter((r) => r.status === "skipped").length,
    time: seconds(results.reduce((t, r) => t + r.durationMs, 0)),
  });
  const attributes = (values: Record<string, string | number>): string =>
    Object.entries(values).map(([k, v]) => ` ${k}="${xmlAttribute(String(v))}"`).join("");
  const properties = [
    ["nncheck.version", report.nncheck], ["seed", report.seed], ["runs", report.runs], ["implementation", report.implementation.name],
    ["dtype", report.implementation.dtype], ["replay", report.replay],
    ...(report.suite ? [["nncheck.suite", `${report.suite.version} ${report.suite.hash} (${report.suite.checks} checks)`]] : []),
    ...(report.shard ? [["shard", `${report.shard.index}/${report.shard.count}`]] : []),
  ].map(([name, value]) => `      <property${attributes({ name: name!, value: value! })}/>`);
  const total = count(report.checks);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attributes({ name: `nncheck: ${report.implementation.name}`, ...total, time: seconds(report.durationMs) })}>`,
  ];
  for (const [group, results] of groups) {
    lines.push(`  <testsuite${attributes({ name: group, ...count(results) })}>`, "    <properties>", ...properties, "    </properties>");
    for (const r of results) lines.push(...testcase(r, attributes));
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n");
}

function testcase(r: CheckResult, attributes: (values: Record<string, string | number>) => string): string[] {
  const classname = `nncheck.${r.id.split("/").slice(0, -1).join(".")}`;
  const open = `    <testcase${attributes({ classname, name: r.id, time: seconds(r.durationMs) })}`;
  const body = xmlText([r.message, ...detailLines(r)].join("\n"));
  switch (r.status) {
    case "passed":
      return [`${open}/>`];
    case "failed":
    case "xpassed":
      return [`${open}>`, `      <failure${attributes({ message: r.message, type: r.status })}>${body}</failure>`, "    </testcase>"];
    case "errored":
      return [`${open}>`, `      <error${attributes({ message: r.message, type: "errored" })}>${body}</error>`, "    </testcase>"];
    case "skipped":
      return [`${open}>`, `      <skipped${attributes({ message: r.message })}/>`, "    </testcase>"];
    case "xfailed":
      return [`${open}>`, `      <system-out>${xmlText(`expected failure (xfailed): ${r.expectedFailure ?? ""}\n${r.message}`)}</system-out>`, "    </testcase>"];
  }
}
