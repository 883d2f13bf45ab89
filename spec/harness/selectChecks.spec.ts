import { describe, expect, it } from "vitest";
import { idMatcher, RunSetupError, selectChecks } from "../../src/harness/index.ts";
import { fixedCheck } from "./fakes.ts";

const IDS = [
  "oracle/gradients/3-3-1", "oracle/gradients/2-5-1", "oracle/forward/3-3-1", "property/relu/idempotence",
  "property/relu", "property-extra/x", "fixture/random-cases/3-3-1.relu-logistic.n1/forward", "fd/a.b",
];
const checks = IDS.map((id) => fixedCheck(id, { status: "passed", message: "" }));
const matching = (pattern: string) => IDS.filter(idMatcher(pattern));

describe("idMatcher", () => {
  const cases: [string, string[]][] = [
    ["property", ["property/relu/idempotence", "property/relu"]], // everything below it, not property-extra
    ["property/", ["property/relu/idempotence", "property/relu"]],
    ["oracle/gradients/3-3-1", ["oracle/gradients/3-3-1"]],
    ["oracle/*", []], // * does not cross /
    ["oracle/*/3-3-1", ["oracle/gradients/3-3-1", "oracle/forward/3-3-1"]],
    ["oracle/**", ["oracle/gradients/3-3-1", "oracle/gradients/2-5-1", "oracle/forward/3-3-1"]],
    ["**/3-3-1", ["oracle/gradients/3-3-1", "oracle/forward/3-3-1"]],
    ["property*", []], // a wildcard pattern matches whole ids only (no "everything below it")
    ["property*/x", ["property-extra/x"]],
    ["fixture/**/forward", ["fixture/random-cases/3-3-1.relu-logistic.n1/forward"]],
    ["fd/a.b", ["fd/a.b"]],
    ["fd/a?b", []], // ? and . are literal
    ["fd/a*", ["fd/a.b"]],
    ["**", IDS],
  ];
  for (const [pattern, expected] of cases) {
    it(`${pattern} selects ${expected.length === 0 ? "nothing" : expected.join(", ")}`, () => {
      expect(matching(pattern)).toEqual(expected);
    });
  }
  it("rejects an empty pattern", () => {
    expect(() => idMatcher("  ")).toThrow(RunSetupError);
  });
});

describe("selectChecks", () => {
  it("selects all without patterns, keeping the order", () => {
    expect(selectChecks(checks, {}).map((c) => c.id)).toEqual(IDS);
  });
  it("takes the union of --only patterns, then removes --skip matches", () => {
    const ids = selectChecks(checks, { only: ["oracle/gradients", "property"], skip: ["**/2-5-1", "property/relu/idempotence"] }).map((c) => c.id);
    expect(ids).toEqual(["oracle/gradients/3-3-1", "property/relu"]);
  });
  it("an --only pattern that matches nothing is an error naming it", () => {
    expect(() => selectChecks(checks, { only: ["oracle", "oracel/gradients"] })).toThrow(new RunSetupError(`--only "oracel/gradients" matches no check; run 'nncheck list' to see the ids`));
  });
  it("a --skip pattern that matches nothing is fine", () => {
    expect(selectChecks(checks, { skip: ["nothing/here"] })).toHaveLength(IDS.length);
  });
});
