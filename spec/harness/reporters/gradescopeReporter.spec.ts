import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { gradescopeReporter } from "../../../src/harness/reporters/index.ts";
import type { RunReport } from "../../../src/harness/index.ts";
import { sampleReport } from "./sampleReport.ts";

const schema = JSON.parse(readFileSync(new URL("./gradescope.results.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

interface Results { score: number; output: string; output_format: string; tests: { name: string; number: string; score: number; max_score: number; status: string; output: string; tags: string[] }[] }
let report: RunReport;
let results: Results;
beforeAll(async () => {
  report = await sampleReport();
  results = JSON.parse(gradescopeReporter(report)) as Results;
});

describe("gradescopeReporter", () => {
  it("writes a results.json that Gradescope's published format accepts", () => {
    expect(validate(results), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...results, tests: [{ ...results.tests[0], status: "skipped" }] })).toBe(false); // the schema has teeth
  });

  it("has one test per check, 1 point each, only passed checks scoring, numbered and tagged by area", () => {
    expect(results.tests.map((t) => t.name).sort()).toEqual(report.checks.map((c) => c.id).sort());
    for (const t of results.tests) {
      const check = report.checks.find((c) => c.id === t.name)!;
      expect(t.max_score).toBe(1);
      expect([t.score, t.status]).toEqual(check.status === "passed" ? [1, "passed"] : [0, "failed"]);
      expect(t.tags).toEqual([check.id.split("/")[0]]);
    }
    expect(results.tests.map((t) => t.number)).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]); // oracle, property, fd
    expect(results.score).toBe(report.summary.passed);
  });

  it("gives every failing test its failure text and replay, and says why a skipped check scored nothing", () => {
    const byName = (id: string) => results.tests.find((t) => t.name === id)!;
    expect(byName("oracle/gradients/3-3-1").output).toMatch(/^gradients: 1 of 4 cases disagree[^]*W1\[1\]\[2\][^]*replay: npx nncheck run --seed 7 --only oracle\/gradients\/3-3-1$/);
    expect(byName("property/relu/idempotence").output).toMatch(/^skipped, so no points: /);
    expect(byName("fd/step/3-3-1").output).toMatch(/^failed \(listed as an expected failure: known: step ignores the bias\)/);
    expect(results.tests.every((t) => !/[\u0000-\u0008\u000B-\u001F]/.test(t.output))).toBe(true);
  });

  it("scores per area in the summary output", () => {
    expect(results.output_format).toBe("md");
    expect(results.output).toContain("| oracle | 1 / 3 |");
    expect(results.output).toContain("| property | 0 / 2 |");
    expect(results.output).toContain("| fd | 0 / 2 |");
    expect(results.output).toContain(`| **total** | **1 / 7** |`);
  });
});
