import { describe, expect, it } from "vitest";
import { randomCase, reluMargin } from "../../src/cases/index.ts";
import { loadFixture, plannedCases, RANDOM_CASE_RELU_MARGIN } from "../../src/fixtures/index.ts";
import { seedNetwork, type NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const SEED = Number(process.env["NNCHECK_SEED"] ?? 20240611);
const deep: NetworkSpec = { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" };
const oracle = createOracle({ precision: 40 });

/** The smallest ReLU |z| of a case, computed exactly from its round-trip strings. */
function margin(c: ReturnType<typeof randomCase>): number {
  const s = (m: readonly (readonly number[])[]) => m.map((r) => r.map(String));
  return reluMargin(c.network, oracle.forward(c.network, c.params.map(({ W, b }) => ({ W: s(W), b: b.map(String) })), s(c.inputs)))!.toNumber();
}

describe(`randomCase (seed ${SEED}; set NNCHECK_SEED to replay another)`, () => {
  it("is a pure function of the seed: the same seed gives the same case, another seed another", () => {
    expect(randomCase(createRng(SEED), deep, 3)).toEqual(randomCase(createRng(SEED), deep, 3));
    expect(randomCase(createRng(SEED), deep, 3)).not.toEqual(randomCase(createRng(SEED + 1), deep, 3));
  });

  it("draws params, inputs and targets shaped for the network and batch, inside the requested ranges", () => {
    const c = randomCase(createRng(SEED), deep, 5, { paramRange: [0, 0.5], inputRange: [2, 3], targetRange: [-1, -0.5], learningRate: 0.125 });
    expect(c.params.map(({ W, b }) => [W.length, W[0]!.length, b.length])).toEqual([[4, 3, 4], [3, 4, 3], [1, 3, 1]]);
    expect(c.inputs.map((r) => r.length)).toEqual([3, 3, 3, 3, 3]);
    expect(c.targets.map((r) => r.length)).toEqual([1, 1, 1, 1, 1]);
    expect(c.params.flatMap(({ W, b }) => [...W.flat(), ...b]).every((x) => x >= 0 && x < 0.5)).toBe(true);
    expect(c.inputs.flat().every((x) => x >= 2 && x < 3)).toBe(true);
    expect(c.targets.flat().every((y) => y >= -1 && y < -0.5)).toBe(true);
    expect(c.learningRate).toBe(0.125);
  });

  it("redraws until every ReLU pre-activation is farther than reluMargin from 0", () => {
    const c = randomCase(createRng(SEED), seedNetwork, 8, { reluMargin: 0.2, maxAttempts: 10_000 });
    expect(c.attempts).toBeGreaterThan(1);
    expect(margin(c)).toBeGreaterThan(0.2);
  });

  it("redraws while options.accept rejects, and gives up after maxAttempts naming the seed", () => {
    expect(randomCase(createRng(SEED), deep, 2, { accept: (c) => c.attempts >= 3 }).attempts).toBe(3);
    expect(() => randomCase(createRng(SEED), deep, 2, { accept: () => false, maxAttempts: 4 })).toThrow(
      new RegExp(`no acceptable case in 4 attempts \\(rng seed ${SEED}, layers \\[3, 4, 3, 1\\]`),
    );
  });

  it("rejects a bad network, batch size or range with a message naming it", () => {
    expect(() => randomCase(createRng(1), { ...deep, activations: ["relu"] }, 1)).toThrow(/network\.activations has 1 entry, expected 3/);
    expect(() => randomCase(createRng(1), deep, 0)).toThrow(/batchSize must be a positive integer, got 0/);
    expect(() => randomCase(createRng(1), deep, 1, { inputRange: [1, 1] })).toThrow(/options\.inputRange must be finite \[lo, hi\] with lo < hi, got \[1, 1\]/);
    expect(() => randomCase(createRng(1), deep, 1, { learningRate: -1 })).toThrow(/learningRate must be a positive finite number/);
  });

  it("reluMargin looks at ReLU layers only and is undefined without one", () => {
    const tanhOnly: NetworkSpec = { layers: [2, 2, 1], activations: ["tanh", "identity"], cost: "squared_error" };
    const params = [{ W: [["1", "0"], ["0", "1"]], b: ["0", "0"] }, { W: [["1", "1"]], b: ["0"] }];
    expect(reluMargin(tanhOnly, oracle.forward(tanhOnly, params, [["0.5", "-0.25"]]))).toBeUndefined();
    const mixed: NetworkSpec = { ...tanhOnly, activations: ["relu", "identity"] };
    expect(reluMargin(mixed, oracle.forward(mixed, params, [["0.5", "-0.25"]]))?.toString()).toBe("0.25");
  });
});

describe("the random-cases fixture replays from its seeds", () => {
  it("each planned case, redrawn with randomCase(createRng(seed), …), gives the fixture's params, inputs, targets and rate", () => {
    const fixture = loadFixture("random-cases");
    const planned = plannedCases();
    expect(planned.map((p) => [p.id, p.seed])).toEqual(fixture.cases.map((c) => [c.id, c.seed]));
    for (const p of planned) {
      const c = fixture.cases.find((k) => k.id === p.id)!;
      const drawn = randomCase(createRng(p.seed), p.network, p.batchSize, { ...p.entry.options, reluMargin: RANDOM_CASE_RELU_MARGIN });
      expect(drawn.params.map(({ W, b }) => ({ W: W.map((r) => r.map(String)), b: b.map(String) })), p.id).toEqual(c.params);
      expect(drawn.inputs.map((r) => r.map(String)), p.id).toEqual(c.inputs);
      expect(drawn.targets.map((r) => r.map(String)), p.id).toEqual(c.targets);
      expect(String(drawn.learningRate), p.id).toBe(c.learningRate);
    }
  });

  it("covers the shapes the brief asks for, with batches of 1 and of 2–8", () => {
    const cases = loadFixture("random-cases").cases;
    const shapes = new Set(cases.map((c) => `${c.network.layers.join("-")} ${c.network.activations.join("/")}`));
    for (const s of ["3-3-1 relu/logistic", "2-5-1 relu/logistic", "4-3-2 relu/logistic", "3-4-3-1 relu/relu/logistic"]) expect(shapes).toContain(s);
    const activations = new Set(cases.flatMap((c) => c.network.activations));
    expect(activations).toEqual(new Set(["relu", "logistic", "tanh", "identity"]));
    expect(cases.some((c) => c.network.activations.at(-1) === "relu")).toBe(true);
    const batches = new Set(cases.map((c) => c.inputs.length));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) expect(batches).toContain(n);
    expect(cases.length).toBeGreaterThanOrEqual(50);
  });
});
