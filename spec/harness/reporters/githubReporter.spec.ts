import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubReporter, MAX_ANNOTATIONS, workflowCommand, writeReports } from "../../../src/harness/reporters/index.ts";
import { runChecks, type RunReport } from "../../../src/harness/index.ts";
import { fakeImplementation, fixedCheck, RUN_DEFAULTS } from "../fakes.ts";
import { NASTY, sampleReport } from "./sampleReport.ts";

/**
 * GitHub's workflow-command syntax, as its documentation ("Workflow commands for GitHub Actions": setting an
 * error / warning / notice message) states it: `::error file={name},line={line},endLine={endLine},title={title}::{message}`,
 * one command per line on stdout; in the message `%`, CR and LF are written `%25`, `%0D`, `%0A`; in property values
 * `:` and `,` too (`%3A`, `%2C`). An independent parser of that syntax, not the reporter's own code.
 */
const COMMAND = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;
const PROPERTIES = new Set(["title", "file", "line", "endLine", "col", "endColumn"]);
const unescapeData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ":").replace(/%2C/g, ","));

function parseCommands(text: string): { command: string; properties: Record<string, string>; message: string }[] {
  return text.split("\n").map((line) => {
    const match = COMMAND.exec(line);
    if (match === null) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter((p) => p !== "")) {
      const eq = pair.indexOf("=");
      const key = pair.slice(0, eq);
      if (eq < 1 || !PROPERTIES.has(key)) throw new Error(`not a documented property: ${JSON.stringify(pair)}`);
      if (/[:,\r\n]/.test(pair.slice(eq + 1))) throw new Error(`unescaped character in ${JSON.stringify(pair)}`);
      properties[key] = unescapeProperty(pair.slice(eq + 1));
    }
    if (/[\r\n]/.test(match[3]!) || /%(?!25|0A|0D)/.test(match[3]!)) throw new Error(`badly escaped message: ${JSON.stringify(match[3])}`);
    return { command: match[1]!, properties, message: unescapeData(match[3]!) };
  });
}

let report: RunReport;
beforeAll(async () => (report = await sampleReport()));
const dir = mkdtempSync(join(tmpdir(), "nncheck-github-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("githubReporter", () => {
  it("writes one ::error per failed, errored or xpassed check, titled with its status and id, its replay on the second line", () => {
    const commands = parseCommands(githubReporter(report));
    const errors = commands.filter((c) => c.command === "error");
    const bad = report.checks.filter((r) => ["failed", "errored", "xpassed"].includes(r.status));
    expect(errors.map((e) => e.properties.title)).toEqual(bad.map((r) => `nncheck ${r.status}: ${r.id}`));
    errors.forEach((e, k) => {
      const [message, replay] = e.message.split("\n");
      expect(message).toBe(bad[k]!.message.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "\uFFFD"));
      expect(replay).toBe(`replay: ${bad[k]!.details?.replay ?? `${report.replay} --only ${bad[k]!.id}`}`);
    });
    expect(errors.some((e) => e.message.includes(NASTY.slice(0, 20)))).toBe(true); // '<tag attr="v"> & ' survives
    expect(commands.at(-1)).toMatchObject({ command: "notice", properties: { title: "nncheck: fake" } });
    expect(commands.at(-1)!.message).toMatch(/^7 checks: 1 passed, 2 failed, 1 errored, 1 skipped, 1 xfailed, 1 xpassed in /);
  });

  it("annotates at most 10 failures (GitHub's limit per step) and warns how many more there are", async () => {
    const many = await runChecks({ implementation: fakeImplementation(), checks: Array.from({ length: 13 }, (_, k) => fixedCheck(`oracle/x/${k}`, { status: "failed", message: `wrong ${k}` })), ...RUN_DEFAULTS });
    const commands = parseCommands(githubReporter(many));
    expect(commands.filter((c) => c.command === "error")).toHaveLength(MAX_ANNOTATIONS);
    const warning = commands.find((c) => c.command === "warning")!;
    expect(warning.message).toMatch(/^3 more failing checks are not annotated .* oracle\/x\/10, oracle\/x\/11, oracle\/x\/12$/);
  });

  it("escapes %, CR, LF in messages and also : and , in properties", () => {
    const line = workflowCommand("error", { title: "a:b,c%d" }, "50% done\r\nnext: line, two");
    expect(line).toBe("::error title=a%3Ab%2Cc%25d::50%25 done%0D%0Anext: line, two");
    expect(parseCommands(line)[0]).toEqual({ command: "error", properties: { title: "a:b,c%d" }, message: "50% done\r\nnext: line, two" });
  });

  it("appends the Markdown job summary to $GITHUB_STEP_SUMMARY, after what earlier steps wrote", () => {
    const summary = join(dir, "step-summary.md");
    writeFileSync(summary, "earlier step\n");
    const out: string[] = [], err: string[] = [];
    writeReports(report, [{ name: "github" }], { out: (t) => out.push(t), err: (t) => err.push(t), env: { GITHUB_STEP_SUMMARY: summary } });
    const text = readFileSync(summary, "utf8");
    expect(text.startsWith("earlier step\n## ❌ nncheck: 7 checks: ")).toBe(true);
    expect(text).toContain("| area | passed | failed | errored | skipped | xfailed | xpassed | total |");
    expect(text).toContain("<code>oracle/gradients/3-3-1</code>");
    expect(err).toEqual([]);
    expect(parseCommands(out.join("\n")).length).toBeGreaterThan(0);
  });

  it("says on stderr that no job summary was written outside GitHub Actions", () => {
    const err: string[] = [];
    writeReports(report, [{ name: "github" }], { out: () => {}, err: (t) => err.push(t), env: {} });
    expect(err).toEqual([expect.stringMatching(/GITHUB_STEP_SUMMARY is not set .* no job summary was written/)]);
  });
});
