import { describe, expect, it } from "vitest";
import { ImplementationError } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { initParams } from "../../src/reference/index.ts";
import { network, SEED } from "./helpers.ts";

describe("initParams", () => {
  it(`"uniform01" draws every W then b entry from rng.next(), layer by layer, row by row (seed ${SEED})`, () => {
    const net = network([3, 4, 2], ["relu", "logistic"]);
    const params = initParams(net, createRng(SEED));
    const draws = createRng(SEED);
    const next = () => draws.next();
    const expected = [
      { W: [[next(), next(), next()], [next(), next(), next()], [next(), next(), next()], [next(), next(), next()]], b: [next(), next(), next(), next()] },
      { W: [[next(), next(), next(), next()], [next(), next(), next(), next()]], b: [next(), next()] },
    ];
    expect(params).toEqual(expected);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    for (const scheme of ["uniform01", "normal"] as const) {
      const a = initParams(seedNetwork, createRng(SEED), scheme);
      expect(initParams(seedNetwork, createRng(SEED), scheme), `${scheme}, seed ${SEED}`).toEqual(a);
      expect(initParams(seedNetwork, createRng(SEED + 1), scheme), `${scheme}, seeds ${SEED} and ${SEED + 1}`).not.toEqual(a);
    }
  });

  it("gives W_l layers[l]×layers[l−1] and b_l of length layers[l]; uniform01 entries lie in [0, 1)", () => {
    const net = network([5, 7, 3, 2], ["tanh", "relu", "identity"]);
    const params = initParams(net, createRng(SEED));
    expect(params.map(({ W, b }) => [W.length, W[0]!.length, b.length])).toEqual([[7, 5, 7], [3, 7, 3], [2, 3, 2]]);
    const entries = params.flatMap(({ W, b }) => [...W.flat(), ...b]);
    expect(entries.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it(`"normal" gives W ~ N(0, 1/fan_in) and small non-zero biases (seed ${SEED})`, () => {
    const fanIn = 400;
    const [layer] = initParams(network([fanIn, 300], ["tanh"]), createRng(SEED), "normal");
    const w = layer!.W.flat();
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    // 120,000 draws: the relative sd of the sample variance is √(2/120000) ≈ 0.4%, so 2% is a 5-sd bound
    expect(Math.abs(variance * fanIn - 1), `variance·fan_in = ${variance * fanIn}`).toBeLessThan(0.02);
    expect(Math.abs(mean), `mean ${mean}`).toBeLessThan(5 / Math.sqrt(fanIn * w.length));
    const b = layer!.b;
    expect(b.every((v) => v !== 0 && Math.abs(v) < 1)).toBe(true);
  });

  it("rejects an invalid network with invalid_params naming the field", () => {
    const bad = { layers: [3, 0], activations: ["relu"], cost: "squared_error" } as NetworkSpec;
    expect(() => initParams(bad, createRng(SEED))).toThrow(ImplementationError);
    expect(() => initParams(bad, createRng(SEED))).toThrow("network.layers[1] is 0, expected a positive integer");
  });
});
