/**
 * nncheck/vitest: describeConformance registers one vitest test per selected check. Here it runs on the reference
 * (so these tests must pass), and a separate vitest process runs spec/vitest/fixtures/mutant.conformance.ts, whose
 * JSON report shows a failing check with nncheck's report as its message, a passing one, and skipped ones.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reference } from "../../src/reference/index.ts";
import { describeConformance } from "../../src/vitest/index.ts";
import { REPO_ROOT } from "../cli/runCli.ts";

describeConformance(reference, { title: "describeConformance(reference)", only: ["oracle/gradients/3-3-1", "activation/relu/audit", "property/relu/**"], runs: 10 });
// a declared shape's checks exist by id (selecting one that does not would throw here, failing the file) and pass
describeConformance(reference, { title: "describeConformance(reference, networks)", networks: [{ layers: [5, 7, 2], activations: ["tanh", "identity"] }], only: ["oracle/gradients/5-7-2", "property/step/zero-rate/5-7-2"], runs: 10 });

interface AssertionResult {
  readonly ancestorTitles: readonly string[];
  readonly title: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
}

describe("describeConformance in a project's own vitest run (a spawned vitest on a mutant)", () => {
  const dir = mkdtempSync(join(tmpdir(), "nncheck-vitest-"));
  let tests: AssertionResult[] = [];
  beforeAll(async () => {
    const output = join(dir, "report.json");
    const args = [join(REPO_ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", "spec/vitest/fixtures/vitest.config.ts", "--reporter=json", `--outputFile=${output}`];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), 100_000);
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearTimeout(timer);
    expect(code, `vitest exit code (1: a test failed, as the mutant should); stderr: ${err}`).toBe(1);
    const files = (JSON.parse(readFileSync(output, "utf8")) as { testResults: { message?: string; assertionResults: AssertionResult[] }[] }).testResults;
    tests = files.flatMap((f) => f.assertionResults);
    expect(tests.length, `the fixture file ran no test: ${files.map((f) => f.message ?? "").join("\n")}`).toBeGreaterThan(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const byTitle = (suite: string) => Object.fromEntries(tests.filter((t) => t.ancestorTitles[0] === suite).map((t) => [t.title, t]));

  it("registers one test per selected check, named by its id, in its describe", () => {
    expect(Object.keys(byTitle("mutant"))).toEqual(["activation/relu/audit", "activation/identity/audit", "fixture/worked-example/gradients/y=0", "fixture/worked-example/gradients/y=1"]);
    expect(Object.keys(byTitle("without train"))).toEqual(["oracle/forward/3-3-1", "oracle/train/3-3-1"]);
  });

  it("a check the implementation fails is a failed test whose message is nncheck's report (entries, replay)", () => {
    const relu = byTitle("mutant")["activation/relu/audit"]!;
    expect(relu.status).toBe("failed");
    const message = relu.failureMessages.join("\n");
    expect(message).toContain("ConformanceFailure: activation/relu/audit failed: relu: ReLU′(-0) = 1, ReLU′(0) = 1");
    expect(message).toMatch(/failing entries shown \(of \d+ compared\)/);
    expect(message).toContain("✗ relu′(0)");
    expect(message).toContain("replay: npx nncheck run --module <your module> --seed 1 --runs 10 --only activation/relu/audit");
  });

  it("a check it passes is a passed test; one its hello does not offer is skipped, not passed", () => {
    expect(byTitle("mutant")["activation/identity/audit"]!.status).toBe("passed");
    expect(byTitle("without train")["oracle/forward/3-3-1"]!.status).toBe("passed");
    expect(byTitle("without train")["oracle/train/3-3-1"]!.status).toBe("skipped");
  });
});
