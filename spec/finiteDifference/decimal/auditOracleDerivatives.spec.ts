import { describe, expect, it } from "vitest";
import { auditOracleDerivatives } from "../../../src/finiteDifference/index.ts";
import { loadFixture, workedExampleInput } from "../../../src/fixtures/index.ts";
import type { NetworkSpec } from "../../../src/network/types.ts";
import { createOracle } from "../../../src/oracle/index.ts";
import { randomCase } from "../../../src/cases/index.ts";
import { REDUCTIONS } from "../../../src/network/types.ts";
import { createRng } from "../../../src/random/rng.ts";

const identity: NetworkSpec = { layers: [1, 1, 1], activations: ["identity", "identity"], cost: "squared_error" };

describe("auditOracleDerivatives (decimal finite differences)", () => {
  it("agrees with the oracle on both worked-example cases of the seed chapter to ≥ 20 digits", () => {
    const fixture = loadFixture("worked-example");
    expect(fixture.cases.map((c) => c.id)).toEqual(["worked-example/y=0", "worked-example/y=1"]); // the loop runs over both
    let audited = 0;
    for (const c of fixture.cases) {
      const input = workedExampleInput(fixture, c);
      const audit = auditOracleDerivatives(input.network, input.params, input.inputs, input.targets);
      expect(audit.entries.map((e) => e.entry)).toEqual(["W1[0][0]", "W1[0][1]", "W1[0][2]", "W1[1][0]", "W1[1][1]", "W1[1][2]", "W1[2][0]", "W1[2][1]", "W1[2][2]", "b1[0]", "b1[1]", "b1[2]", "W2[0][0]", "W2[0][1]", "W2[0][2]", "b2[0]"]);
      expect(audit.minDigits, `${c.id}: ${audit.worst.entry}`).toBeGreaterThanOrEqual(20);
      expect(audit.entries.every((e) => e.withinError)).toBe(true);
      audited += audit.entries.length;
    }
    expect(audited).toBe(2 * 16);
  });

  it("matches a hand derivative: C = (w2(w1·x + b1) + b2 − y)², dC/dw1 = 2e·w2·x", () => {
    const audit = auditOracleDerivatives(identity, [{ W: [["0.5"]], b: ["0.25"] }, { W: [["-3"]], b: ["1"] }], [["2"]], [["0.75"]]);
    // a2 = −3·(0.5·2 + 0.25) + 1 = −2.75; e = a2 − y = −3.5
    const expected = { "W1[0][0]": 2 * -3.5 * -3 * 2, "b1[0]": 2 * -3.5 * -3, "W2[0][0]": 2 * -3.5 * 1.25, "b2[0]": 2 * -3.5 };
    expect(audit.entries.map((e) => e.entry).sort()).toEqual(Object.keys(expected).sort());
    for (const e of audit.entries) {
      expect(e.numeric.toNumber(), e.entry).toBeCloseTo(expected[e.entry as keyof typeof expected], 12);
      expect(e.digits).toBeGreaterThanOrEqual(30);
    }
  });

  it("catches analytic gradients off by a relative 1e-18 in one entry", () => {
    const fixture = loadFixture("random-cases");
    const c = fixture.cases.find((k) => k.id.startsWith("3-3-1.tanh-logistic"))!;
    const oracle = createOracle({ precision: 60 });
    const right = oracle.gradients(c.network, c.params, c.inputs, c.targets).grads;
    const wrong = right.map(({ W, b }, l) => ({ W: W.map((row, i) => row.map((g, j) => (l === 1 && i === 0 && j === 2 ? g.times("1.000000000000000001") : g))), b }));
    const audit = auditOracleDerivatives(c.network, c.params, c.inputs, c.targets, { gradients: wrong });
    expect(audit.worst.entry).toBe("W2[0][2]");
    expect(audit.minDigits).toBeLessThan(19);
    expect(audit.entries.filter((e) => !e.withinError).map((e) => e.entry)).toEqual(["W2[0][2]"]);
  });

  it("agrees with the oracle on every cost × reduction and every activation to ≥ 20 digits: the chain rule through softmax's Jacobian and the cross-entropies", () => {
    const rng = createRng(77);
    const networks: NetworkSpec[] = [
      { layers: [3, 3, 2], activations: ["relu", "logistic"], cost: "binary_cross_entropy" },
      { layers: [3, 4, 3], activations: ["tanh", "softmax"], cost: "cross_entropy" },
      { layers: [2, 3, 3, 2], activations: ["leaky_relu", "softplus", "silu"], cost: "half_squared_error" },
      { layers: [2, 3, 3], activations: ["identity", "softmax"], cost: "squared_error" },
    ];
    let audited = 0;
    networks.forEach((network, k) => {
      const reduction = REDUCTIONS[k % REDUCTIONS.length]!;
      const c = randomCase(rng, { ...network, reduction }, 2, { paramRange: [-1.5, 1.5] });
      const audit = auditOracleDerivatives(c.network, c.params, c.inputs, c.targets);
      expect(audit.minDigits, `${network.cost}/${reduction}: ${audit.worst.entry}`).toBeGreaterThanOrEqual(20);
      expect(audit.entries.every((e) => e.withinError), `${network.cost}/${reduction}`).toBe(true);
      audited += audit.entries.length;
    });
    expect(audited).toBe(20 + 31 + 29 + 21); // every parameter of the four networks
  });

  it("rejects a malformed network, naming the problem", () => {
    expect(() => auditOracleDerivatives({ ...identity, activations: ["identity"] }, [], [["1"]], [["1"]])).toThrow(/auditOracleDerivatives: .*activations/);
  });
});
