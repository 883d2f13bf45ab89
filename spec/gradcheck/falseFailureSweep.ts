/**
 * The zero-false-failure sweep: seeded stress cases through two correct float64 implementations (the reference
 * and an independent textbook one) and a simulated float32 one, each compared with the oracle on forward,
 * gradients and step. Any failing entry is a false failure of the engine; the replay seed is in the message.
 * It also records, per kind of entry, the largest error a correct answer reaches as a fraction of its tolerance:
 * a tolerance is tight when correct answers come close to it, not merely safe.
 */
import { expect } from "vitest";
import { compareForward, compareGradients, compareStep, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, prepareForward, prepareStep, type Comparison } from "../../src/gradcheck/index.ts";
import type { Implementation } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { stressCase } from "./stressCases.ts";

const implementations: readonly [string, Implementation, "float64" | "float32"][] = [
  ["reference", reference, "float64"],
  ["textbook float64", textbookImplementation({ arithmetic: "float64" }), "float64"],
  ["textbook float32", textbookImplementation({ arithmetic: "float32" }), "float32"],
];

/** `float64 gradients W`, `float32 step b`, `float64 gradients cost`, `float64 forward A`, …: one kind of entry. */
export function entryKind(dtype: string, method: string, entry: string): string {
  return `${dtype} ${method} ${entry === "cost" ? "cost" : entry[0]}`;
}

export interface SweepResult {
  readonly compared: number;
  /** The largest |error| / tolerance over every entry. */
  readonly worstRatio: number;
  /** The same per kind of entry (see `entryKind`), over the stress cases other than ReLU kinks. */
  readonly worstByKind: ReadonlyMap<string, number>;
}

export async function sweep(seed: number, cases: number, stepEvery: number, shapes?: readonly NetworkSpec[]): Promise<SweepResult> {
  const rng = createRng(seed);
  // every case is new: nothing to memoise, and nothing of the shared memo pushed out for the specs that follow
  const oracle = createOracle({ precision: Number(process.env["SWEEP_PRECISION"] ?? 50), memoise: false });
  let compared = 0, worstRatio = 0;
  const worstByKind = new Map<string, number>();
  const record = (what: string, dtype: string, method: string, k: number, stress: string, cmp: Comparison) => {
    if (!cmp.ok) {
      const f = cmp.failures[0];
      expect.fail(`false failure (seed ${seed}, case ${k}, ${stress}) in ${what}: ${cmp.problems.join("; ")} ${f ? `${f.entry} expected ${f.expected} actual ${f.actual} tolerance ${f.tolerance}` : ""}`);
    }
    compared += cmp.entries.length;
    for (const e of cmp.entries) {
      if (e.tolerance <= 0) continue;
      const ratio = e.absError / e.tolerance;
      worstRatio = Math.max(worstRatio, ratio);
      // On a ReLU kink either branch passes by design (a quarter of the tolerance is the branches' difference), so
      // those cases measure that allowance, not how tight the rounding model is: they are left out of the kinds.
      if (stress.startsWith("kink,")) continue;
      const kind = entryKind(dtype, method, e.entry);
      worstByKind.set(kind, Math.max(worstByKind.get(kind) ?? 0, ratio));
    }
  };
  for (let k = 0; k < cases; k++) {
    const { c, stress: kind } = stressCase(rng, k, shapes);
    const stress = `${kind}, ${c.network.layers.join("-")} ${c.network.activations.join("/")} ${c.network.cost}/${c.network.reduction ?? "mean"}`;
    const exact = oracleGradientsFor(c, { dtype: "float64", oracle });
    const exact64 = exactGradientsWithScales(c, { dtype: "float64", oracle }, undefined, exactToNumbers(exact));
    const exact32 = exactGradientsWithScales(c, { dtype: "float32", oracle }, undefined, exact64.exact);
    // forward and step (every stepEvery-th case): what does not depend on the answer, once per dtype
    const prepare = (dtype: "float64" | "float32") => ({ forward: prepareForward(c, { dtype, oracle }, exact), step: prepareStep(c, { dtype, oracle }, exact) });
    const prepared = k % stepEvery === 0 ? { float64: prepare("float64"), float32: prepare("float32") } : undefined;
    for (const [name, impl, dtype] of implementations) {
      record(`${name} gradients`, dtype, "gradients", k, stress, compareGradients(c, await impl.gradients(c), { dtype, oracle }, dtype === "float64" ? exact64 : exact32));
      if (prepared !== undefined) {
        record(`${name} forward`, dtype, "forward", k, stress, compareForward(c, await impl.forward(c), { dtype, oracle }, exact, prepared[dtype].forward));
        record(`${name} step`, dtype, "step", k, stress, compareStep(c, await impl.step(c), { dtype, oracle }, exact, undefined, prepared[dtype].step));
      }
    }
  }
  return { compared, worstRatio, worstByKind };
}

/**
 * The stated tightness: in every kind of entry some correct answer comes within this fraction of its tolerance
 * (measured: 0.07 to 0.30 per kind). A tolerance loosened 10× in any one kind drops that kind below it.
 */
export const TIGHT_FRACTION = 1 / 30;

/** Every kind of entry the sweep compares: 2 dtypes × (forward Z, A; gradients cost, W, b; step W, b). */
export const ENTRY_KINDS: readonly string[] = ["float64", "float32"].flatMap((dtype) =>
  [["forward", "Z"], ["forward", "A"], ["gradients", "cost"], ["gradients", "W"], ["gradients", "b"], ["step", "W"], ["step", "b"]].map(([m, e]) => `${dtype} ${m} ${e}`));

/** Asserts a sweep's tightness: every kind of entry present, each reaching TIGHT_FRACTION of its tolerance. */
export function expectTight(result: SweepResult, seed: number): void {
  expect([...result.worstByKind.keys()].sort()).toEqual([...ENTRY_KINDS].sort());
  const loose = [...result.worstByKind].filter(([, worst]) => worst < TIGHT_FRACTION);
  expect(loose.map(([kind, worst]) => `${kind}: worst |error| / tolerance ${worst.toFixed(4)} < ${TIGHT_FRACTION.toFixed(4)} (seed ${seed})`), "tolerances looser than the rounding model says").toEqual([]);
}
