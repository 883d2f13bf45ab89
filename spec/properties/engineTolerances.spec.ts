import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareGradients } from "../../src/gradcheck/index.ts";
import type { GradientsResult } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { armijoRate, engineTolerances, exactCost, gradientsRequestOf, networkCaseArb } from "../../src/properties/index.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";

const oracle = createOracle();
const cases = fc.sample(networkCaseArb(seedNetwork), { seed: 9, numRuns: 12 });

describe("engineTolerances", () => {
  it.each([["float64", reference], ["float32", textbookImplementation({ arithmetic: "float32" })]] as const)(
    "holds a correct implementation's errors (%s), and is the verdict's own limit: ½× inside passes, 2× outside fails",
    async (dtype, impl) => {
      let entries = 0;
      for (const c of cases) {
        const request = gradientsRequestOf(c);
        const { byEntry, exactByEntry } = engineTolerances(request, { dtype, oracle });
        const answer = await impl.gradients(request);
        const named = new Map<string, [number, (x: number) => GradientsResult]>([["cost", [answer.cost, (x) => ({ ...answer, cost: x })]]]);
        answer.grads.forEach(({ W, b }, l) => {
          W.forEach((row, i) => row.forEach((g, j) => named.set(`W${l + 1}[${i}][${j}]`, [g, (x) => withGrad(answer, l, "W", i, j, x)])));
          b.forEach((g, i) => named.set(`b${l + 1}[${i}]`, [g, (x) => withGrad(answer, l, "b", i, 0, x)]));
        });
        for (const [entry, [actual, withEntry]] of named) {
          const tol = byEntry.get(entry)!, exact = exactByEntry.get(entry)!;
          expect(Math.abs(actual - exact), `${entry}: a correct ${dtype} answer`).toBeLessThanOrEqual(tol);
          expect(compareGradients(request, withEntry(exact + 0.5 * tol), { dtype, oracle }).failures.map((f) => f.entry), `${entry} at exact + ½ × tolerance`).not.toContain(entry);
          expect(compareGradients(request, withEntry(exact + 2 * tol), { dtype, oracle }).failures.map((f) => f.entry), `${entry} at exact + 2 × tolerance`).toContain(entry);
          entries++;
        }
      }
      expect(entries).toBe(cases.length * 17); // cost + 9 + 3 + 3 + 1 entries of the seed network
    },
  );
});

/** `answer` with one gradient entry replaced. */
function withGrad(answer: GradientsResult, l: number, kind: "W" | "b", i: number, j: number, x: number): GradientsResult {
  return {
    ...answer,
    grads: answer.grads.map((g, k) => k !== l ? g : kind === "W"
      ? { ...g, W: g.W.map((row, r) => r !== i ? row : row.map((v, c) => (c === j ? x : v))) }
      : { ...g, b: g.b.map((v, r) => (r === i ? x : v)) }),
  };
}

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
