import { describe, expect, it } from "vitest";
import { clearsReluMargin } from "../../src/cases/clearsReluMargin.ts";
import { reluMargin } from "../../src/cases/reluMargin.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const oracle = createOracle({ precision: 40 });
const exactMargin = (network: NetworkSpec, W: number[][], b: number[], x: number[]) => {
  const layers = oracle.forward(network, [{ W: W.map((r) => r.map(String)), b: b.map(String) }, { W: [b.map(() => "1")], b: ["0"] }], [x.map(String)]);
  return reluMargin(network, layers)!.toNumber();
};

describe("clearsReluMargin", () => {
  const network: NetworkSpec = { layers: [3, 2, 1], activations: ["relu", "logistic"], cost: "squared_error" };

  it("decides clear only where the exact margin is beyond it (seeded draws, some units put within 1e-12 of the kink)", () => {
    const seed = Number(process.env.NNCHECK_SEED ?? 7);
    const rng = createRng(seed);
    let decided = 0, undecided = 0;
    for (let k = 0; k < 300; k++) {
      const x = [rng.uniform(0, 1), rng.uniform(0, 1), rng.uniform(0, 1)];
      const W = [0, 1].map(() => [rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)]);
      const b = [rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)];
      // every third case: b chosen so that z = W·x + b sits a hair from 0
      if (k % 3 === 0) b[0] = -(W[0]![0]! * x[0]! + W[0]![1]! * x[1]! + W[0]![2]! * x[2]!) + (rng.next() - 0.5) * 1e-12;
      const margin = 1e-9;
      const clear = clearsReluMargin(network, [{ W, b }, { W: [[1, 1]], b: [0] }], [x], margin);
      if (clear) {
        decided++;
        expect(exactMargin(network, W, b, x), `seed ${seed}, case ${k}`).toBeGreaterThan(margin);
      } else undecided++;
    }
    expect(decided).toBeGreaterThan(150);
    expect(undecided).toBeGreaterThanOrEqual(100); // every near-kink case is left to the exact pass
  });

  it("leaves a network with a kink past its first layer to the exact pass", () => {
    const deep: NetworkSpec = { layers: [1, 1, 1, 1], activations: ["tanh", "relu", "logistic"], cost: "squared_error" };
    expect(clearsReluMargin(deep, [{ W: [[1]], b: [1] }, { W: [[1]], b: [1] }, { W: [[1]], b: [0] }], [[1]], 1e-9)).toBe(false);
  });
});
