import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadExpectedFailures, matchExpectedFailures, parseExpectedFailures, RunSetupError } from "../../src/harness/index.ts";
import { fixedCheck } from "./fakes.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-xfail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const checks = ["oracle/gradients/3-3-1", "oracle/gradients/2-5-1", "oracle/step/3-3-1"].map((id) => fixedCheck(id, { status: "passed", message: "" }));

describe("parseExpectedFailures", () => {
  it("reads a list of {id, reason}", () => {
    expect(parseExpectedFailures('[{"id": "a/b", "reason": "known"}]', "x.json")).toEqual([{ id: "a/b", reason: "known" }]);
    expect(parseExpectedFailures("[]", "x.json")).toEqual([]);
  });
  const bad: [string, string][] = [
    ["[{\"id\": 1", "x.json: not valid JSON ("],
    ['{"id": "a", "reason": "b"}', 'x.json: expected a JSON list of {"id": "…", "reason": "…"}, got {"id":"a","reason":"b"}'],
    ['["a/b"]', 'x.json: entry 0 ("a/b"): expected an object'],
    ['[{"id": "a", "reason": "ok"}, {"id": "b"}]', 'x.json: entry 1 ({"id":"b"}): "reason" must be a non-empty string'],
    ['[{"id": "", "reason": "r"}]', 'x.json: entry 0 ({"id":"","reason":"r"}): "id" must be a non-empty string'],
    ['[{"id": "a", "reason": "r", "reasons": "typo"}]', 'x.json: entry 0 ({"id":"a","reason":"r","reasons":"typo"}): unexpected key "reasons"'],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${text}`, () => {
      expect(() => parseExpectedFailures(text, "x.json")).toThrow(RunSetupError);
      expect(() => parseExpectedFailures(text, "x.json")).toThrow(message);
    });
  }
});

describe("loadExpectedFailures", () => {
  it("reads a file and names a missing one", () => {
    const path = join(dir, "xfail.json");
    writeFileSync(path, JSON.stringify([{ id: "oracle/step/3-3-1", reason: "bias sign" }]));
    expect(loadExpectedFailures(path)).toEqual([{ id: "oracle/step/3-3-1", reason: "bias sign" }]);
    expect(() => loadExpectedFailures(join(dir, "nope.json"))).toThrow(`${join(dir, "nope.json")}: cannot read the expected-failures file: no such file`);
  });
});

describe("matchExpectedFailures", () => {
  it("maps each covered check id to its entry; globs work as for --only", () => {
    const entries = [{ id: "oracle/gradients", reason: "factor 2" }, { id: "oracle/step/*", reason: "sign" }];
    const map = matchExpectedFailures(entries, checks, "x.json");
    expect([...map.keys()]).toEqual(["oracle/gradients/3-3-1", "oracle/gradients/2-5-1", "oracle/step/3-3-1"]);
    expect(map.get("oracle/gradients/2-5-1")?.reason).toBe("factor 2");
  });
  it("an id that matches no check is an error (the list stays honest)", () => {
    expect(() => matchExpectedFailures([{ id: "oracle/step/3-3-1", reason: "a" }, { id: "oracle/stepp", reason: "b" }], checks, "x.json"))
      .toThrow(`x.json: entry 1: id "oracle/stepp" matches no check; remove it or fix the id (run 'nncheck list')`);
  });
  it("a check listed twice is an error", () => {
    expect(() => matchExpectedFailures([{ id: "oracle/gradients", reason: "a" }, { id: "oracle/*/3-3-1", reason: "b" }], checks, "x.json"))
      .toThrow('x.json: entry 1: check oracle/gradients/3-3-1 is already listed by entry 0 ("oracle/gradients")');
  });
});
