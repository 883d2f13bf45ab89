import { describe, expect, it } from "vitest";
import { requestMemo } from "../../src/oracle/requestMemo.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { seedNetwork } from "../../src/network/types.ts";

describe("the oracle's memo of answers by request", () => {
  const counting = (maxValues?: number, entries?: number) => {
    let calls = 0;
    const f = requestMemo((_: string, m: readonly (readonly (number | string)[])[]) => ({ n: ++calls, m }), maxValues, entries);
    return { f, calls: () => calls };
  };

  it("answers an equal request from the memo and computes a different one (−0 apart from 0, a number apart from its string)", () => {
    const { f, calls } = counting();
    const a = f("x", [[1, 0.1]]);
    expect(f("x", [[1, 0.1]])).toBe(a);
    expect(f("x", [[1, -0.1]])).not.toBe(a);
    expect(f("x", [[1, "0.1"]])).not.toBe(a);
    expect(f("y", [[1, 0.1]])).not.toBe(a);
    expect(f("x", [[0]]).n).not.toBe(f("x", [[-0]]).n);
    expect(calls()).toBe(6);
  });

  it("stays bounded: large requests are not memoised, and the oldest answer goes first", () => {
    const big = counting(3);
    big.f("x", [[1, 2, 3, 4]]);
    big.f("x", [[1, 2, 3, 4]]);
    expect(big.calls()).toBe(2);
    const few = counting(100, 2);
    const first = few.f("x", [[1]]);
    few.f("x", [[2]]);
    few.f("x", [[3]]);
    expect(few.f("x", [[1]])).not.toBe(first);
    expect(few.calls()).toBe(4);
  });

  it("gives step the gradients of the same request, unchanged", () => {
    const oracle = createOracle();
    const params = [{ W: [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, -0.8, 0.9]], b: [0.1, 0, -0.1] }, { W: [[0.2, -0.3, 0.4]], b: [0.05] }];
    const g = oracle.gradients(seedNetwork, params, [[1, 0, 1]], [[1]]);
    expect(oracle.step(seedNetwork, params, [[1, 0, 1]], [[1]], 0.5).gradients).toBe(g);
    const fresh = createOracle().step(seedNetwork, params, [[1, 0, 1]], [[1]], 0.5);
    expect(fresh.params.flatMap(({ W, b }) => [...W.flat(), ...b]).map(String)).toEqual(oracle.step(seedNetwork, params, [[1, 0, 1]], [[1]], 0.5).params.flatMap(({ W, b }) => [...W.flat(), ...b]).map(String));
  });
});
