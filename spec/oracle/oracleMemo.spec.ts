import { describe, expect, it } from "vitest";
import { createOracle } from "../../src/oracle/index.ts";
import { clearOracleMemo, MEMO_BUDGET_VALUES, MEMO_LARGEST_VALUES, memoised, memoKey } from "../../src/oracle/oracleMemo.ts";
import { seedNetwork } from "../../src/index.ts";

const params = [{ W: [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, 0.9]], b: [0.01, 0, -0.02] }, { W: [[1, -1, 0.5]], b: [0.1] }];
const inputs = [[0.5, 0.25, 1]];
const targets = [[1]];

describe("the oracle's memo", () => {
  it("answers a repeated request with the answer computed the first time, equal to a fresh computation", () => {
    clearOracleMemo();
    const first = createOracle().gradients(seedNetwork, params, inputs, targets);
    const again = createOracle().gradients(seedNetwork, params.map((l) => ({ W: l.W.map((r) => [...r]), b: [...l.b] })), inputs, targets);
    expect(again).toBe(first); // another oracle of the same precision, an equal request: shared
    clearOracleMemo();
    const fresh = createOracle().gradients(seedNetwork, params, inputs, targets);
    expect(fresh).not.toBe(first);
    expect(fresh.cost.toString()).toBe(first.cost.toString());
    expect(fresh.grads.map((g) => g.W.map((r) => r.map(String)))).toEqual(first.grads.map((g) => g.W.map((r) => r.map(String))));
  });

  it("is left alone by an oracle created with memoise: false, which computes every answer afresh and keeps none", () => {
    clearOracleMemo();
    const kept = createOracle().gradients(seedNetwork, params, inputs, targets);
    const unmemoised = createOracle({ memoise: false });
    const fresh = unmemoised.gradients(seedNetwork, params, inputs, targets);
    expect(fresh).not.toBe(kept); // not read from the memo
    expect(unmemoised.gradients(seedNetwork, params, inputs, targets)).not.toBe(fresh); // nor written to it
    expect(fresh.grads.map((g) => g.W.map((r) => r.map(String)))).toEqual(kept.grads.map((g) => g.W.map((r) => r.map(String))));
    const other = [{ ...params[0]!, b: [0.02, 0, -0.02] }, params[1]!];
    const unkept = unmemoised.gradients(seedNetwork, other, inputs, targets);
    expect(createOracle().gradients(seedNetwork, params, inputs, targets)).toBe(kept); // the shared memo still holds its answer
    expect(createOracle().gradients(seedNetwork, other, inputs, targets)).not.toBe(unkept); // and the unmemoised answer was never put in
    clearOracleMemo();
  });

  it("tells apart what the oracle tells apart: precision, method, −0, every digit of a number", () => {
    clearOracleMemo();
    const a = createOracle({ precision: 50 }).gradients(seedNetwork, params, inputs, targets);
    expect(createOracle({ precision: 40 }).gradients(seedNetwork, params, inputs, targets)).not.toBe(a);
    const nudged = [{ ...params[0]!, b: [0.01, 0, -0.020000000000000004] }, params[1]!];
    expect(createOracle().gradients(seedNetwork, nudged, inputs, targets)).not.toBe(a);
    expect(memoKey([0])).not.toBe(memoKey([-0]));
    expect(memoKey([Number.NaN])).not.toBe(memoKey([null]));
    expect(memoKey([[1, 2], 3])).not.toBe(memoKey([[1], 2, 3]));
    expect(memoKey(["1"])).not.toBe(memoKey([1]));
  });

  it("holds a bounded number of values: the least recently used go first, and an answer too large is never kept", () => {
    clearOracleMemo();
    let computed = 0;
    const size = MEMO_LARGEST_VALUES; // the largest answer kept
    const get = (k: string) => memoised(k, size, () => ({ k, n: ++computed }));
    const first = get("a");
    const second = get("b");
    expect(get("a")).toBe(first); // "a" is now the most recently used
    const fits = Math.floor(MEMO_BUDGET_VALUES / size);
    for (let k = 0; k < fits - 1; k++) get(`filler ${k}`); // one answer more than the budget holds: the least recent, "b", goes
    expect(get("a")).toBe(first);
    expect(get("b")).not.toBe(second);
    const huge = memoised("huge", size + 1, () => ({ n: ++computed }));
    expect(memoised("huge", size + 1, () => ({ n: ++computed }))).not.toBe(huge);
    clearOracleMemo();
  });
});
