import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonReporter } from "../../../src/harness/reporters/index.ts";
import { compactJsonText } from "../../../src/harness/reporters/compactJsonText.ts";
import { nonFiniteAsString } from "../../../src/harness/reporters/detailLines.ts";
import type { RunReport } from "../../../src/harness/index.ts";
import { sampleReport } from "./sampleReport.ts";

const schema = JSON.parse(readFileSync(new URL("../../../docs/schemas/report.schema.json", import.meta.url), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
let report: RunReport;
beforeAll(async () => (report = await sampleReport()));

describe("jsonReporter", () => {
  it("writes a document the report schema accepts", () => {
    const document: unknown = JSON.parse(jsonReporter(report));
    expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("has the documented top level, summary and checks in order", () => {
    const document = JSON.parse(jsonReporter(report)) as Record<string, any>;
    expect(Object.keys(document)).toEqual(["nncheck", "protocol", "implementation", "seed", "runs", "replay", "durationMs", "summary", "checks"]);
    expect(document).toMatchObject({ protocol: 1, seed: 7, runs: 10, implementation: { name: "fake", dtype: "float64" } });
    expect(document.nncheck).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.summary).toEqual({ passed: 1, failed: 2, errored: 1, skipped: 1, xfailed: 1, xpassed: 1 });
    expect(document.checks.map((c: { id: string; status: string }) => `${c.id} ${c.status}`)).toEqual([
      "oracle/activation/identity passed", "oracle/gradients/3-3-1 failed", "oracle/train/3-3-1 errored",
      "property/relu/idempotence skipped", "property/tanh/odd failed", "fd/gradients/3-3-1 xpassed", "fd/step/3-3-1 xfailed",
    ]);
  });

  it("writes non-finite numbers as the protocol's strings, not null", () => {
    const document = JSON.parse(jsonReporter(report)) as { checks: { details?: { entries?: { actual: unknown; absError: unknown }[]; counterexample?: unknown } }[] };
    expect(document.checks[1]!.details!.entries![1]).toMatchObject({ actual: "NaN", absError: "Infinity" });
    expect(document.checks[4]!.details!.counterexample).toEqual({ x: [0.5, "-Infinity"] });
  });

  it("the schema rejects a document with a wrong status or without a summary", () => {
    const document = JSON.parse(jsonReporter(report)) as Record<string, any>;
    expect(validate({ ...document, checks: [{ ...document.checks[0], status: "ok" }] })).toBe(false);
    const { summary: _summary, ...withoutSummary } = document;
    expect(validate(withoutSummary)).toBe(false);
  });
});

describe("compactJsonText", () => {
  it("is the same document as JSON.stringify, with arrays of scalars and matrices on one line", () => {
    const value = { a: [1, 2, Number.NaN], m: [[1, -Infinity], [3, 4]], o: [{ x: 1 }, { y: [] }], s: "t", e: {}, n: null, skip: undefined };
    const text = compactJsonText(value);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value, nonFiniteAsString)));
    expect(text).toContain(`"a": [1, 2, "NaN"]`);
    expect(text).toContain(`"m": [[1, "-Infinity"], [3, 4]]`);
    expect(text).toContain(`"o": [\n    {\n      "x": 1\n    },`);
  });
});
