/**
 * The float16 and bfloat16 sweeps: seeded stress cases, rounded to the dtype as the checks send them (roundCase),
 * through the textbook implementation with a rounding to the dtype after every operation, compared with the oracle
 * on forward, gradients and step; and one-at-a-time relative injections into those correct answers.
 */
import { expect } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { roundCase } from "../../src/cases/roundCase.ts";
import { compareForward, compareGradients, compareStep, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, outOfRange, passOutOfRange, type Comparison } from "../../src/gradcheck/index.ts";
import type { Dtype } from "../../src/gradcheck/dtypes.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { FAMILY_STRESS_SHAPES, STRESS_SHAPES, stressCase } from "./stressCases.ts";
import { leaves, withEntry, type Answer } from "./injectOneAtATime.ts";

/** The seed's shapes and every cost's, the reductions cycling with the case number. */
export const HALF_SHAPES: readonly NetworkSpec[] = [...STRESS_SHAPES.slice(1), ...Object.values(FAMILY_STRESS_SHAPES).flat()];


export interface HalfSweepResult {
  readonly cases: number;
  readonly compared: number;
  /** The largest |error| / tolerance of a correct answer's entry. */
  readonly worstRatio: number;
  /** Injections (entry × size) whose size exceeds the entry's threshold: claimed, and caught on that entry alone. */
  readonly caught: number;
  /** Injections below their entry's threshold (its own rounding noise): no tolerance can claim them. */
  readonly unclaimable: number;
  /** For every nonzero entry, the smallest relative change that can be claimed: (tolerance + |error|) / |value|. */
  readonly thresholds: readonly number[];
  /** Cases left out because an exact value of their passes is beyond the dtype's range (see `passOutOfRange`). */
  readonly dropped: number;
}

/**
 * `cases` stress cases (seed `seed`) in `dtype`: asserts that no entry of a correct answer fails (a false failure
 * names the seed and case) and, in the first `injectCases`, that every claimable entry multiplied by (1 + rel), for
 * each of `rels`, fails on that entry alone; records every nonzero entry's claimable threshold. `plain`: plain
 * random cases (inputs in [0, 1], weights in [−1, 1]) instead of stress cases, as the float32 sensitivity claim uses.
 */
export async function halfPrecisionSweep(dtype: Dtype, seed: number, cases: number, rels: readonly number[], injectCases: number, plain = false): Promise<HalfSweepResult> {
  const rng = createRng(seed);
  const oracle = createOracle({ precision: Number(process.env["HALF_PRECISION"] ?? 50), memoise: false }); // every case new
  const impl = textbookImplementation({ arithmetic: dtype });
  // the cases are dtype values: the implementation's conversion of them is exact (roundedInputs: false)
  const options = { dtype, oracle, roundedInputs: false };
  let compared = 0, worstRatio = 0, caught = 0, unclaimable = 0, dropped = 0;
  const thresholds: number[] = [];
  for (let k = 0; k < cases; k++) {
    const { c: drawn, stress } = plain ? { c: randomCase(rng, HALF_SHAPES[k % HALF_SHAPES.length]!, 1 + (k % 3), { inputRange: [0, 1] }), stress: "plain" } : stressCase(rng, k, HALF_SHAPES);
    const c = roundCase(drawn, dtype);
    const what = `${dtype} seed ${seed} case ${k} (${stress}, ${c.network.layers.join("-")} ${c.network.activations.join("/")} ${c.network.cost}/${c.network.reduction ?? "mean"})`;
    const exact = oracleGradientsFor(c, options);
    const numbers = exactToNumbers(exact);
    const why = passOutOfRange(numbers, c.network, c.inputs.length, dtype);
    if (process.env["NNCHECK_SHOW_DROPPED"] && why) console.log(what, why);
    if (why !== undefined) {
      dropped++; // what the dtype cannot represent is not asked (the checks drop such cases and say so)
      continue;
    }
    const withScales = exactGradientsWithScales(c, options, undefined, numbers);
    const methods: [string, Answer, (a: Answer) => Comparison][] = [
      ["gradients", (await impl.gradients(c)) as unknown as Answer, (a) => compareGradients(c, a as never, options, withScales)],
      ["forward", (await impl.forward(c)) as unknown as Answer, (a) => compareForward(c, a as never, options, exact)],
      ["step", (await impl.step(c)) as unknown as Answer, (a) => compareStep(c, a as never, options, exact)],
    ];
    for (const [method, answer, compare] of methods) {
      const baseline = compare(answer);
      expect(outOfRange(baseline.entries, dtype), `${what} ${method}: an entry beyond the range of a case within it`).toBeUndefined();
      const f = baseline.failures[0];
      expect(baseline.ok, `false failure, ${what} ${method}: ${baseline.problems.join("; ")} ${f ? `${f.entry} expected ${f.expected} actual ${f.actual} tolerance ${f.tolerance}` : ""}`).toBe(true);
      compared += baseline.entries.length;
      const paths = leaves(answer);
      baseline.entries.forEach((entry, index) => {
        if (entry.tolerance > 0) worstRatio = Math.max(worstRatio, entry.absError / entry.tolerance);
        if (entry.expected === 0) return;
        // x·(1 + rel) is off the exact value by at least rel·|x| − |x − exact|: claimed when that exceeds the tolerance
        const threshold = (entry.tolerance + entry.absError) / Math.abs(entry.actual);
        thresholds.push(threshold);
        if (k >= injectCases) return;
        for (const rel of rels) {
          if (threshold >= rel) {
            unclaimable++;
            continue;
          }
          const verdict = compare(withEntry(answer, paths[index]!, (x) => x * (1 + rel)));
          expect(verdict.failures.map((e) => e.entry), `${what} ${method}: ${entry.entry} × (1 + ${rel})`).toEqual([entry.entry]);
          caught++;
        }
      });
    }
  }
  return { cases, compared, worstRatio, caught, unclaimable, thresholds, dropped };
}

/** The share of `thresholds` below `rel`: the entries a relative change of `rel` is caught on. */
export function caughtShare(thresholds: readonly number[], rel: number): number {
  return thresholds.filter((t) => t < rel).length / thresholds.length;
}
