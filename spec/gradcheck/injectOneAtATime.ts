/**
 * One-at-a-time injection of small relative errors into correct answers, for the sensitivity claims: the tolerance
 * model must catch a relative change of 1e-7 of any entry in float64 and 1e-3 in float32.
 */
import { expect } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { compareForward, compareGradients, compareStep, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, prepareForward, prepareStep, type Comparison } from "../../src/gradcheck/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { STRESS_SHAPES } from "./stressCases.ts";

/** An answer as plain JSON. */
export type Answer = { [key: string]: unknown };
/** The path of every numeric leaf of an answer, in the order the comparisons list their entries. */
export function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "number") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}
/** A deep copy of `answer` with the leaf at `path` replaced by f(leaf). */
export function withEntry(answer: Answer, path: (string | number)[], f: (x: number) => number): Answer {
  const copy = structuredClone(answer) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  node[last] = f(node[last] as number);
  return copy;
}

/**
 * Multiplies one entry at a time of a correct answer by (1 + rel) and asserts the comparison fails on exactly that
 * entry. Entries whose exact value is 0 have no relative error to inject; entries whose tolerance is wider than
 * rel·|value| (the value is smaller than the rounding noise of the terms summed into it) cannot be claimed: both are
 * counted, and the second must stay rare.
 */
export async function injectOneAtATime(impl: Implementation, dtype: "float64" | "float32", rel: number, seed: number, cases: number, shapes: readonly NetworkSpec[] = STRESS_SHAPES) {
  const rng = createRng(seed);
  const oracle = createOracle({ memoise: false }); // every case new: nothing to memoise
  let caught = 0, zero = 0, unclaimable = 0;
  for (let k = 0; k < cases; k++) {
    const network = shapes[k % shapes.length]!;
    const c = randomCase(rng, network, 1 + (k % 3), { inputRange: [0, 1] });
    const exact = oracleGradientsFor(c, { dtype, oracle });
    const withScales = exactGradientsWithScales(c, { dtype, oracle }, undefined, exactToNumbers(exact));
    const forward = prepareForward(c, { dtype, oracle }, exact), step = prepareStep(c, { dtype, oracle }, exact);
    const methods: [string, Answer, (a: Answer) => Comparison][] = [
      ["gradients", (await impl.gradients(c)) as unknown as Answer, (a) => compareGradients(c, a as never, { dtype, oracle }, withScales)],
      // each answer-independent part prepared once: the injections compare dozens of answers to the same request
      ["forward", (await impl.forward(c)) as unknown as Answer, (a) => compareForward(c, a as never, { dtype, oracle }, exact, forward)],
      ["step", (await impl.step(c)) as unknown as Answer, (a) => compareStep(c, a as never, { dtype, oracle }, exact, undefined, step)],
    ];
    for (const [method, answer, compare] of methods) {
      const baseline = compare(answer);
      expect(baseline.ok, `seed ${seed} case ${k} ${method}: the unmodified answer must pass`).toBe(true);
      const paths = leaves(answer);
      baseline.entries.forEach((entry, index) => {
        const path = paths[index]!;
        if (entry.expected === 0) {
          zero++; // a relative error of 0 is 0: nothing to inject (ReLU-off units, mostly)
          return;
        }
        if (entry.tolerance + entry.absError >= rel * Math.abs(entry.expected)) {
          unclaimable++;
          if (process.env["NNCHECK_SHOW_UNCLAIMABLE"]) console.log(`unclaimable: case ${k} ${c.network.cost}/${c.network.reduction ?? "mean"} ${method} ${entry.entry} = ${entry.expected}, tolerance ${entry.tolerance} (${entry.why})`);
          return;
        }
        const verdict = compare(withEntry(answer, path, (x) => x * (1 + rel)));
        expect(verdict.failures.map((f) => f.entry), `seed ${seed} case ${k} ${method}: ${entry.entry} × (1 + ${rel})`).toEqual([entry.entry]);
        caught++;
      });
    }
  }
  return { caught, zero, unclaimable };
}

