import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunReport } from "../../../src/harness/index.ts";
import { junitReporter } from "../../../src/harness/reporters/index.ts";
import { NASTY, sampleReport } from "./sampleReport.ts";

let report: RunReport;
let xml: string;
let parsed: any;
beforeAll(async () => {
  report = await sampleReport();
  xml = junitReporter(report);
  parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name), parseAttributeValue: false })
    .parse(xml);
});

describe("junitReporter", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
  });

  it("counts tests, failures (xpassed included), errors and skipped, in total and per suite", () => {
    expect(parsed.testsuites).toMatchObject({ tests: "7", failures: "3", errors: "1", skipped: "1" });
    expect(Number(parsed.testsuites.time)).toBeGreaterThanOrEqual(0);
    const suites = parsed.testsuites.testsuite as any[];
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped])).toEqual([
      ["oracle", "3", "1", "1", "0"], ["property", "2", "1", "0", "1"], ["fd", "2", "1", "0", "0"],
    ]);
    for (const suite of suites) {
      expect(suite.testcase).toHaveLength(Number(suite.tests));
      const props = Object.fromEntries((suite.properties.property as any[]).map((p) => [p.name, p.value]));
      expect(props).toMatchObject({ seed: "7", implementation: "fake", replay: 'npx nncheck run --impl "python3 adapter.py" --seed 7' });
    }
  });

  it("has one testcase per check with classname, name and time, and the right child for each status", () => {
    const cases = (parsed.testsuites.testsuite as any[]).flatMap((s) => s.testcase as any[]);
    expect(cases.map((c) => c.name)).toEqual(report.checks.map((r) => r.id));
    expect(cases.every((c) => /^\d+\.\d{3}$/.test(c.time))).toBe(true);
    const byId = Object.fromEntries(cases.map((c) => [c.name, c]));
    expect(byId["oracle/gradients/3-3-1"].classname).toBe("nncheck.oracle.gradients");
    expect(Object.keys(byId["oracle/activation/identity"]).sort()).toEqual(["classname", "name", "time"]);
    expect(byId["oracle/gradients/3-3-1"].failure.message).toBe(report.checks[1]!.message);
    expect(byId["oracle/gradients/3-3-1"].failure["#text"]).toContain("✗ b2[0]       -0.125     NaN   Infinity   Infinity");
    expect(byId["oracle/train/3-3-1"].error.message).toMatch(/exited with code 3/);
    expect(byId["oracle/train/3-3-1"].error["#text"]).toContain("ZeroDivisionError: float division by zero");
    expect(byId["property/relu/idempotence"].skipped.message).toBe("unsupported: forward is not offered");
    expect(byId["fd/gradients/3-3-1"].failure.type).toBe("xpassed");
    expect(byId["fd/step/3-3-1"].failure).toBeUndefined();
    expect(byId["fd/step/3-3-1"]["system-out"]).toContain("expected failure (xfailed): known: step ignores the bias");
  });

  it("escapes markup and replaces characters XML forbids, keeping the rest of the text", () => {
    const cases = (parsed.testsuites.testsuite as any[]).flatMap((s) => s.testcase as any[]);
    const odd = cases.find((c) => c.name === "property/tanh/odd");
    const expected = `tanh(−x) ≠ −tanh(x) ${NASTY}`.replace(/[\u0000\u001b\ud800]/g, "\uFFFD");
    expect(odd.failure.message).toBe(expected);
    expect(odd.failure["#text"]).toContain(`${expected}\ncounterexample: {"x":[0.5,"-Infinity"]}`);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe("junitReporter with the suite and a shard", () => {
  it("carries them as properties of every suite", async () => {
    const suite = { version: "0.1.0", checks: 225, hash: `sha256:${"cd".repeat(32)}` };
    const xml = junitReporter({ ...(await sampleReport()), suite, shard: { index: 1, count: 4 } });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "property"].includes(name) }).parse(xml) as any;
    for (const s of doc.testsuites.testsuite) {
      const props = Object.fromEntries((s.properties.property as any[]).map((p) => [p.name, p.value]));
      expect(props).toMatchObject({ "nncheck.suite": `0.1.0 ${suite.hash} (225 checks)`, shard: "1/4" });
    }
  });
});
