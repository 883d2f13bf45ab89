import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reporterTargets, RunSetupError } from "../../../src/harness/index.ts";

const KNOWN = ["pretty", "json", "junit", "tap"];
const file = (name: string) => join(tmpdir(), name);

describe("reporterTargets", () => {
  it("defaults to pretty on stdout; --output gives the one reporter its file", () => {
    expect(reporterTargets([], undefined, KNOWN)).toEqual([{ name: "pretty" }]);
    expect(reporterTargets([], file("r.txt"), KNOWN)).toEqual([{ name: "pretty", file: file("r.txt") }]);
    expect(reporterTargets(["json"], file("r.json"), KNOWN)).toEqual([{ name: "json", file: file("r.json") }]);
  });
  it("gives each name:file reporter its file and at most one stdout", () => {
    expect(reporterTargets(["pretty", `junit:${file("j.xml")}`, `json:${file("r.json")}`], undefined, KNOWN))
      .toEqual([{ name: "pretty" }, { name: "junit", file: file("j.xml") }, { name: "json", file: file("r.json") }]);
  });
  const bad: [string[], string | undefined, string][] = [
    [["xml"], undefined, 'unknown reporter "xml"; expected one of: pretty, json, junit, tap'],
    [["json:"], undefined, 'the file after ":" is empty'],
    [["pretty", "json"], undefined, "reporters pretty and json would both write to stdout"],
    [["pretty", "json:x.json"], "y.txt", "--output applies to a single reporter, but 2 are named"],
    [["json:x.json"], "y.json", "--output y.json and --reporter json:x.json both name a file"],
    [[`json:${file("same")}`, `tap:${file("same")}`], undefined, `reporters json and tap would both write to ${file("same")}`],
    [["json:/no/such/dir/r.json"], undefined, "cannot write the json report to /no/such/dir/r.json: directory /no/such/dir does not exist"],
  ];
  for (const [specs, output, message] of bad) {
    it(`rejects ${specs.join(" ")}${output ? ` --output ${output}` : ""}`, () => {
      expect(() => reporterTargets(specs, output, KNOWN)).toThrow(RunSetupError);
      expect(() => reporterTargets(specs, output, KNOWN)).toThrow(message);
    });
  }
});
