/** `nncheck compare` through the CLI (in-process): the matrix, report cards, badges, labels and failures to start. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { implementationSpecs } from "../../src/compare/implementationLabels.ts";
import type { ReportCard } from "../../src/compare/reportCard.ts";
import { RunSetupError } from "../../src/harness/index.ts";
import type { RunReport } from "../../src/harness/index.ts";
import { REPO_ROOT } from "./runCli.ts";
import { runMain, type MainRun } from "./runInProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-compare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const badgeSchema = JSON.parse(readFileSync(join(REPO_ROOT, "spec/compare/shields.endpoint.schema.json"), "utf8")) as object;
const validBadge = new Ajv2020({ strict: true }).compile(badgeSchema);
const validReport = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, "docs/schemas/report.schema.json"), "utf8")) as object);
const ONLY = ["--only", "oracle/gradients/3-3-1", "--only", "oracle/forward/3-3-1", "--only", "activation/logistic/audit", "--runs", "12"];
const read = (name: string) => JSON.parse(readFileSync(join(dir, "out", name), "utf8")) as unknown;

describe("nncheck compare", () => {
  let run: MainRun;
  let python = true;
  beforeAll(async () => {
    run = await runMain(["compare", "--impl", "python3 examples/python/adapter.py", "--module", "examples/js/network.js", "--module", "examples/seed-port/seedPort.ts", ...ONLY,
      "--out-dir", join(dir, "out"), "--reporter", "pretty", "--reporter", `json:${join(dir, "matrix.json")}`, "--reporter", `markdown:${join(dir, "matrix.md")}`, "--reporter", `html:${join(dir, "matrix.html")}`]);
    python = !/adapter: not run/.test(run.err);
  });

  it("prints the matrix: implementations, per-area totals, one row per check, a column each", (context) => {
    if (!python) return context.skip(`python3 + numpy are not available: ${run.err}`);
    expect(run.code, run.err).toBe(1); // the seed port fails
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^nncheck compare — 3 implementations × 3 checks, seed 1, runs 12, suite \S+ sha256:[0-9a-f]{12}…$/);
    expect(lines.slice(1, 4)).toEqual(["  [1] adapter: numpy example adapter (python, float64)", "  [2] network: javascript example (javascript, float64)", expect.stringMatching(/^ {2}\[3\] seedPort: seed-port .*\(typescript, float64\)$/)]);
    expect(run.out).toMatch(/^activation +1\/1 +1\/1 +0\/1 ✗1$/m);
    expect(run.out).toMatch(/^all +3\/3 +3\/3 +1\/3 ✗2$/m);
    expect(run.out).toMatch(/^oracle\/gradients\/3-3-1 +✓ +✓ +✗$/m);
    expect(run.out).toMatch(/^oracle\/forward\/3-3-1 +✓ +✓ +✓$/m);
  });

  it("writes a shields.io endpoint badge, a report card and the full reports per implementation", (context) => {
    if (!python) return context.skip("python3 + numpy are not available");
    const badges = ["adapter", "network", "seedPort"].map((label) => read(`${label}.badge.json`));
    for (const badge of badges) expect(validBadge(badge), JSON.stringify(validBadge.errors)).toBe(true);
    expect(badges).toEqual([
      { schemaVersion: 1, label: "nncheck", message: "3/3", color: "brightgreen" },
      { schemaVersion: 1, label: "nncheck", message: "3/3", color: "brightgreen" },
      { schemaVersion: 1, label: "nncheck", message: "1/3", color: "red" },
    ]);
    const card = read("seedPort.card.json") as ReportCard;
    const report = read("seedPort.report.json") as RunReport;
    expect(card).toMatchObject({ label: "seedPort", source: { module: "examples/seed-port/seedPort.ts" }, passed: 1, total: 3, seed: 1, runs: 12, summary: report.summary });
    expect(card.areas).toEqual([
      { area: "activation", total: 1, passed: 0, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0 },
      { area: "oracle", total: 2, passed: 1, failed: 1, errored: 0, skipped: 0, xfailed: 0, xpassed: 0 },
    ]);
    expect(card.replay).toBe("npx nncheck run --module examples/seed-port/seedPort.ts --seed 1 --runs 12");
    expect(report.suite).toEqual(card.suite);
    expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
    expect(existsSync(join(dir, "out", "seedPort.report.html"))).toBe(true);
  });

  it("writes the matrix as JSON, Markdown (the differing checks first) and HTML (linking each full report)", (context) => {
    if (!python) return context.skip("python3 + numpy are not available");
    const json = JSON.parse(readFileSync(join(dir, "matrix.json"), "utf8")) as { implementations: { label: string; badge: { message: string } }[]; checks: { id: string; statuses: string[] }[] };
    expect(json.implementations.map((i) => [i.label, i.badge.message])).toEqual([["adapter", "3/3"], ["network", "3/3"], ["seedPort", "1/3"]]);
    expect(json.checks.find((c) => c.id === "oracle/gradients/3-3-1")!.statuses).toEqual(["passed", "passed", "failed"]);
    const md = readFileSync(join(dir, "matrix.md"), "utf8");
    expect(md).toContain("### Checks where the implementations differ (2)");
    expect(md).toContain("| `oracle/gradients/3-3-1` | ✓ | ✓ | ✗ |");
    const html = readFileSync(join(dir, "matrix.html"), "utf8");
    expect(html).toContain('<a href="out/seedPort.report.html">full report</a>');
    expect([...html.matchAll(/<tr class="(differ|same)" data-id="/g)].map((m) => m[1])).toEqual(["differ", "same", "differ"]);
  });
});

describe("nncheck compare: labels and failures", () => {
  it("labels by file name, or by an explicit label=, unique", () => {
    expect(implementationSpecs([
      { kind: "impl", value: "python3 students/alice/adapter.py" }, { kind: "impl", value: "python3 students/bob/adapter.py" },
      { kind: "module", value: "examples/js/network.js" }, { kind: "impl", value: "orig=python3 -c 'x=1'" }, { kind: "module", value: "port=ports/net.ts" },
    ])).toEqual([
      { label: "adapter", impl: "python3 students/alice/adapter.py" }, { label: "adapter-2", impl: "python3 students/bob/adapter.py" },
      { label: "network", module: "examples/js/network.js" }, { label: "orig", impl: "python3 -c 'x=1'" }, { label: "port", module: "ports/net.ts" },
    ]);
    expect(() => implementationSpecs([{ kind: "impl", value: "a=x" }, { kind: "module", value: "a=y.js" }])).toThrow(new RunSetupError('two implementations are labelled "a"; give each its own label'));
  });

  it("an implementation that cannot start is a column 'not run' with a 'did not start' badge; the others run; exit 2", async () => {
    const out = join(dir, "broken");
    const run = await runMain(["compare", "--module", "good=examples/js/network.js", "--impl", "broken=/no/such/program", "--only", "oracle/forward/3-3-1", "--runs", "12", "--out-dir", out]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/nncheck compare: broken: not run: .*no executable "\/no\/such\/program" found/);
    expect(run.out).toMatch(/^oracle\/forward\/3-3-1 +✓ +·$/m);
    expect(JSON.parse(readFileSync(join(out, "broken.badge.json"), "utf8"))).toEqual({ schemaVersion: 1, label: "nncheck", message: "did not start", color: "red" });
    expect(JSON.parse(readFileSync(join(out, "good.badge.json"), "utf8"))).toMatchObject({ message: "1/1", color: "brightgreen" });
    expect(existsSync(join(out, "broken.report.json"))).toBe(false);
  });

  it.each([
    [["compare"], 'give at least one --impl "<command line>" or --module <file> to compare'],
    [["compare", "--module", "x.js", "--reporter", "junit"], 'unknown reporter "junit"'],
    [["compare", "--module", "x.js", "--skip", "nope"], '--skip "nope" matches no check'],
  ])("%j is a usage error, exit 2", async (argv, message) => {
    const run = await runMain(argv);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
  });
});
