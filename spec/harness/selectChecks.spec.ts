import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { exitCodeOf, idMatcher, parseShard, requiredChecks, RunSetupError, selectChecks, summarize, withRequired, type RunReport } from "../../src/harness/index.ts";
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
  it("a --skip pattern that matches nothing is an error too (a typo would run what it meant to skip)", () => {
    expect(() => selectChecks(checks, { skip: ["property", "oracle/gradient/3-3-1"] })).toThrow(new RunSetupError(`--skip "oracle/gradient/3-3-1" matches no check; run 'nncheck list' to see the ids`));
  });
  it("a --skip pattern matching checks that --only already left out is fine", () => {
    expect(selectChecks(checks, { only: ["oracle"], skip: ["property"] }).map((c) => c.id)).toEqual(IDS.filter((id) => id.startsWith("oracle/")));
  });
});

describe("selectChecks with --shard", () => {
  const registry = allChecks();
  const selection = { only: ["oracle", "fixture/worked-example", "property"], skip: ["**/batch/**"] };
  const whole = selectChecks(registry, selection).map((c) => c.id);

  it.each([1, 2, 3, 4, 7])("the %i shards are disjoint, their union is the selection, sizes within one", (n) => {
    const shards = Array.from({ length: n }, (_, i) => selectChecks(registry, { ...selection, shard: { index: i + 1, count: n } }).map((c) => c.id));
    const all = shards.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...whole].sort());
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const shard of shards) expect(shard).toEqual(whole.filter((id) => shard.includes(id))); // registry order kept
  });

  it("is deterministic: the same selection shards the same way", () => {
    const once = selectChecks(allChecks(), { ...selection, shard: { index: 2, count: 3 } }).map((c) => c.id);
    expect(selectChecks(allChecks(), { ...selection, shard: { index: 2, count: 3 } }).map((c) => c.id)).toEqual(once);
  });

  it("shard 1/1 is the whole selection; an empty shard is an error", () => {
    expect(selectChecks(checks, { shard: { index: 1, count: 1 } })).toHaveLength(IDS.length);
    expect(() => selectChecks(checks, { only: ["oracle/gradients"], shard: { index: 3, count: 3 } }))
      .toThrow(new RunSetupError("--shard 3/3 selects no check: only 2 checks are selected; use fewer shards"));
  });

  it.each([["2/4", { index: 2, count: 4 }], [" 1 / 1 ", { index: 1, count: 1 }]])("parseShard(%j)", (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
  it.each(["0/4", "5/4", "1/0", "2", "a/b", "1/2/3", "-1/2", "1.5/3"])("parseShard(%j) is an error", (text) => {
    expect(() => parseShard(text)).toThrow(/--shard must be i\/n with 1 ≤ i ≤ n/);
  });
});

describe("--require", () => {
  const base = { id: "", description: "", durationMs: 0, message: "needs method \"train\"" } as const;
  const report = (statuses: [string, "passed" | "skipped" | "failed"][]): RunReport => ({
    nncheck: "0", protocol: 1, implementation: { protocol: 1, name: "x", dtype: "float64", methods: [], activations: [] }, seed: 1, runs: 1, replay: "", durationMs: 0,
    checks: statuses.map(([id, status]) => ({ ...base, id, status })), summary: summarize(statuses.map(([id, status]) => ({ ...base, id, status }))),
  });

  it("turns a required check that was skipped into a failure saying why, and recounts", () => {
    const requiredBy = requiredChecks(["oracle/gradients"], checks);
    const after = withRequired(report([["oracle/gradients/3-3-1", "skipped"], ["oracle/gradients/2-5-1", "passed"], ["property/relu", "skipped"]]), requiredBy);
    expect(after.checks.map((c) => c.status)).toEqual(["failed", "passed", "skipped"]);
    expect(after.checks[0]!.message).toBe(`required (--require oracle/gradients) but skipped: needs method "train"`);
    expect(after.checks[0]!.details).toMatchObject({ required: "oracle/gradients" });
    expect(after.summary).toMatchObject({ failed: 1, passed: 1, skipped: 1 });
    expect(exitCodeOf(after.summary)).toBe(1);
  });

  it("leaves a run without required skips as it is", () => {
    const before = report([["oracle/gradients/3-3-1", "passed"], ["property/relu", "skipped"]]);
    expect(withRequired(before, requiredChecks(["oracle"], checks))).toBe(before);
  });

  it("a pattern that matches no check is an error", () => {
    expect(() => requiredChecks(["oracle/gradient"], checks)).toThrow(new RunSetupError(`--require "oracle/gradient" matches no check; run 'nncheck list' to see the ids`));
  });
});
