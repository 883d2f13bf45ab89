import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { DEFAULT_SEED } from "../../src/harness/index.ts";
import { REPO_ROOT, runCli, STACK_LINE } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const EXAMPLE = join(REPO_ROOT, "examples/js/network.js");
const exampleUrl = pathToFileURL(EXAMPLE).href;
const schema = JSON.parse(readFileSync(join(REPO_ROOT, "docs/schemas/report.schema.json"), "utf8")) as object;
const validateReport = new Ajv2020({ allErrors: true }).compile(schema);

/** The JS example with its gradients doubled: wrong in every gradients check and nowhere else. */
const DOUBLED = file("doubled.mjs", `import example from ${JSON.stringify(exampleUrl)};
export default { ...example, async gradients(request) {
  const { cost, grads } = await example.gradients(request);
  return { cost, grads: grads.map(({ W, b }) => ({ W: W.map((row) => row.map((x) => 2 * x)), b: b.map((x) => 2 * x) })) };
} };
`);
/** Eight small oracle checks (4 cases each at --runs 20): forward and gradients on the seed's four shapes. */
const SMALL = [...["3-3-1", "2-5-1", "4-3-2", "3-4-3-1"].flatMap((shape) => ["--only", `oracle/gradients/${shape}`, "--only", `oracle/forward/${shape}`]), "--runs", "20"];

describe("nncheck run (spawned)", () => {
  it.concurrent("on the reference by default: exit 0, a JSON report the schema accepts, the default seed", async () => {
    const run = await runCli(["run", "--only", "oracle/gradients/3-3-1", "--only", "fixture/worked-example", "--reporter", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { seed: number; implementation: { name: string }; summary: Record<string, number>; checks: { status: string }[] };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.seed).toBe(DEFAULT_SEED);
    expect(report.implementation.name).toBe("nncheck-reference");
    expect(report.summary.passed).toBe(report.checks.length);
    expect(report.checks.length).toBe(allChecks().filter((c) => c.id === "oracle/gradients/3-3-1" || c.id.startsWith("fixture/worked-example/")).length);
  });

  it.concurrent("a wrong implementation exits 1; the pretty report names the check, the entries and the replay", async () => {
    const run = await runCli(["run", "--module", DOUBLED, ...SMALL, "--seed", "5"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/✗ FAILED {2}oracle\/gradients\/3-3-1/);
    expect(run.stdout).toMatch(/entry +expected +actual +abs error +rel error +tolerance/);
    expect(run.stdout).toContain(`replay: npx nncheck run --module ${DOUBLED} --seed 5 --runs 20 --only oracle/gradients/3-3-1`);
    expect(run.stdout).toMatch(/^8 checks: 4 passed, 4 failed in .* \(seed 5\)$/m);
  });

  it.concurrent("a TypeScript module loads through the nncheck command", async () => {
    const ts = file("typed.ts", `import example from ${JSON.stringify(exampleUrl)};\nconst implementation: { hello(): Promise<unknown> } = example;\nexport default implementation;\n`);
    const run = await runCli(["run", "--module", ts, "--only", "fixture/worked-example", "--reporter", "tap"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("TAP version 14");
  });

  it.concurrent("bad usage exits 2 with one line and no stack trace", async () => {
    const run = await runCli(["run", "--impl", "x", "--module", "y"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("nncheck run: give --impl or --module, not both (run 'nncheck run --help')");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe("nncheck run (in-process)", () => {
  // That the examples pass every check is spec/cli/examplesPassEveryCheck.spec.ts.
  it.concurrent("--impl with the Python example adapter passes", async (context) => {
    const run = await runMain(["run", "--impl", "python3 examples/python/adapter.py", ...SMALL]);
    if (run.code === 2 && /did not start|cannot start/.test(run.err)) return context.skip(`python3 + numpy are not available: ${run.err}`);
    expect(run.code, run.out + run.err).toBe(0);
    expect(run.out).toContain('replay: npx nncheck run --impl "python3 examples/python/adapter.py" --seed 1 --runs 20');
  });

  it("--help prints the usage with the defaults and exit codes", async () => {
    const run = await runMain(["run", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Usage: nncheck run [--impl "<command line>" | --module <file.ts|.js>]');
    expect(run.out).toContain(`(default ${DEFAULT_SEED})`);
    expect(run.out).toContain("Exit codes: 0");
  });

  it("writes each reporter to its own file and one to stdout", async () => {
    const json = join(dir, "report.json");
    const junit = join(dir, "report.xml");
    const run = await runMain(["run", "--module", DOUBLED, ...SMALL, "--reporter", `json:${json}`, "--reporter", `junit:${junit}`, "--reporter", "tap"]);
    expect(run.code).toBe(1);
    expect(run.out.split("\n")[0]).toBe("TAP version 14");
    const report = JSON.parse(readFileSync(json, "utf8")) as { summary: Record<string, number> };
    expect(validateReport(report)).toBe(true);
    expect(report.summary).toEqual({ passed: 4, failed: 4, errored: 0, skipped: 0, xfailed: 0, xpassed: 0 });
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(junit, "utf8"));
    expect(xml.testsuites).toMatchObject({ tests: "8", failures: "4", errors: "0", skipped: "0" });
  });

  it("--output gives the one reporter a file; with every report in a file, the summary goes to stderr", async () => {
    const out = join(dir, "pretty.txt");
    const run = await runMain(["run", "--only", "oracle/forward/3-3-1", "--output", out]);
    expect(run.code).toBe(0);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/^1 check: 1 passed in .* \(seed 1\)$/);
    expect(readFileSync(out, "utf8")).toContain("passed (1):\n  oracle/forward/3-3-1");
  });

  describe("--expect-fail", () => {
    it("listed failures are xfailed: exit 0", async () => {
      const list = file("xfail.json", JSON.stringify([{ id: "oracle/gradients", reason: "gradients doubled on purpose" }]));
      const run = await runMain(["run", "--module", DOUBLED, ...SMALL, "--expect-fail", list]);
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain("expected failures (4), failing as listed:\n  - oracle/gradients/3-3-1: gradients doubled on purpose — ");
      expect(run.out).toMatch(/^8 checks: 4 passed, 4 xfailed in/m);
    });
    it("a listed check that passes is xpassed: exit 1", async () => {
      const list = file("xpass.json", JSON.stringify([{ id: "oracle/gradients", reason: "doubled" }, { id: "oracle/forward/3-3-1", reason: "thought broken" }]));
      const run = await runMain(["run", "--module", DOUBLED, ...SMALL, "--expect-fail", list]);
      expect(run.code).toBe(1);
      expect(run.out).toContain("✗ XPASSED  oracle/forward/3-3-1");
      expect(run.out).toMatch(/^8 checks: 3 passed, 4 xfailed, 1 xpassed in/m);
    });
    it("an id that matches no check: exit 2, naming the file and the entry", async () => {
      const list = file("unknown.json", JSON.stringify([{ id: "oracle/gradients", reason: "a" }, { id: "oracle/gradient/3-3-1", reason: "typo" }]));
      const run = await runMain(["run", "--module", DOUBLED, ...SMALL, "--expect-fail", list]);
      expect(run.code).toBe(2);
      expect(run.err).toBe(`nncheck run: ${list}: entry 1: id "oracle/gradient/3-3-1" matches no check; remove it or fix the id (run 'nncheck list')`);
      expect(run.out).toBe("");
    });
    it("a malformed file: exit 2, naming the file and the bad entry", async () => {
      const list = file("malformed.json", JSON.stringify([{ id: "oracle/gradients" }]));
      const run = await runMain(["run", "--expect-fail", list]);
      expect(run.code).toBe(2);
      expect(run.err).toBe(`nncheck run: ${list}: entry 0 ({"id":"oracle/gradients"}): "reason" must be a non-empty string`);
    });
  });

  describe("--module errors: exit 2 with a clear message", () => {
    const cases: [string, string, string][] = [
      ["missing.mjs", "", "no such file"],
      ["empty-object.mjs", "export default {};\n", "its default export has no hello() method; expected a default export implementing nncheck's Implementation"],
      ["no-default.mjs", "export const hello = async () => ({});\n", "has no default export"],
      ["a-function.mjs", "export default function () {}\n", "exports by default a function"],
      ["lists-train.mjs", `export default { async hello() { return { protocol: 1, name: "x", dtype: "float64", methods: ["forward", "train"], activations: ["relu"] }; }, async forward() {} };\n`, 'its hello lists "train" but its default export has no such method'],
      ["syntax.mjs", "export default {\n", "cannot load it:"],
      ["bad-hello.mjs", `export default { async hello() { return { protocol: 1, name: "x", dtype: "float8", methods: [], activations: [] }; } };\n`, 'malformed hello result: "dtype" must be one of "float64", "float32", "float16", "bfloat16", got "float8"'],
    ];
    for (const [name, text, says] of cases) {
      it(`${name}: ${says}`, async () => {
        const path = name === "missing.mjs" ? join(dir, name) : file(name, text);
        const run = await runMain(["run", "--module", path]);
        expect(run.code).toBe(2);
        expect(run.err).toContain(says);
        expect(run.err.startsWith("nncheck run: ")).toBe(true);
        expect(run.err).not.toMatch(STACK_LINE);
      });
    }
  });

  const badUsage: [string[], string][] = [
    [["run", "--seed=-1"], "--seed must be a non-negative integer"],
    [["run", "--runs", "0"], "--runs must be an integer ≥ 1"],
    [["run", "--timeout-ms", "fast"], "--timeout-ms must be an integer ≥ 1"],
    [["run", "--reporter", "xml"], 'unknown reporter "xml"'],
    [["run", "--reporter", "pretty", "--reporter", "json"], "reporters pretty and json would both write to stdout"],
    [["run", "--only", "oracel"], '--only "oracel" matches no check'],
    [["run", "--only", "oracle/gradients/*", "--replay", "3:1"], "--replay replays one property's counterexample, but 4 checks are selected"],
    [["run", "--impl", "'unterminated"], "unterminated single quote"],
    [["run", "--impl", "/no/such/program"], 'no executable "/no/such/program" found'],
  ];
  for (const [argv, says] of badUsage) {
    it(`nncheck ${argv.join(" ")} → exit 2: ${says}`, async () => {
      const run = await runMain(argv);
      expect(run.code).toBe(2);
      expect(run.err).toContain(says);
      expect(run.out).toBe("");
    });
  }
});
