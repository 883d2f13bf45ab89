import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareForward, compareGradients, type Dtype } from "../../src/gradcheck/index.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { armijoRate, engineTolerances, exactCost, gradientsRequestOf, networkCaseArb } from "../../src/properties/index.ts";
import { reference } from "../../src/reference/index.ts";

const oracle = createOracle();
const cases = fc.sample(networkCaseArb(seedNetwork), { seed: 9, numRuns: 12 });

describe("engineTolerances", () => {
  it.each(["float64", "float32"] as Dtype[])("gives the verdict engine's own tolerance for every gradient and forward entry (%s)", async (dtype) => {
    for (const c of cases) {
      const request = gradientsRequestOf(c);
      const { byEntry } = engineTolerances(request, { dtype, oracle });
      const g = compareGradients(request, await reference.gradients(request), { dtype, oracle });
      const f = compareForward(request, await reference.forward(request), { dtype, oracle });
      for (const e of [...g.entries, ...f.entries]) expect(byEntry.get(e.entry), e.entry).toBe(e.tolerance);
    }
  });
});

describe("armijoRate", () => {
  it("picks the largest 2^−k whose exact step decreases the cost by at least ½·L·‖g‖²", () => {
    for (const c of cases) {
      const request = gradientsRequestOf(c);
      const g = oracle.gradients(request.network, request.params, request.inputs, request.targets);
      const { learningRate: L, halvings, before, after } = armijoRate(oracle, request, g);
      const norm2 = g.grads.flatMap(({ W, b }) => [...W.flat(), ...b]).reduce((s, x) => s.plus(x.times(x)), oracle.decimal(0));
      const stepped = (rate: number) => request.params.map(({ W, b }, l) => ({
        W: W.map((row, i) => row.map((w, j) => oracle.decimal(w).minus(oracle.decimal(rate).times(g.grads[l]!.W[i]![j]!)))),
        b: b.map((v, i) => oracle.decimal(v).minus(oracle.decimal(rate).times(g.grads[l]!.b[i]!))),
      }));
      const sufficient = (rate: number) => exactCost(oracle, request, stepped(rate)).lte(before.minus(norm2.times(rate).div(2)));
      expect(L).toBe(2 ** -halvings);
      expect(before.eq(g.cost)).toBe(true);
      expect(after.eq(exactCost(oracle, request, stepped(L)))).toBe(true);
      expect(sufficient(L)).toBe(true);
      if (halvings > 0) expect(sufficient(2 * L)).toBe(false);
    }
  });
});
