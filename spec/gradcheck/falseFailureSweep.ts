/**
 * The zero-false-failure sweep: seeded stress cases through two correct float64 implementations (the reference
 * and an independent textbook one) and a simulated float32 one, each compared with the oracle on forward,
 * gradients and step. Any failing entry is a false failure of the engine; the replay seed is in the message.
 */
import { expect } from "vitest";
import { compareForward, compareGradients, compareStep, exactGradientsWithScales, exactToNumbers, oracleGradientsFor, type Comparison } from "../../src/gradcheck/index.ts";
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

export async function sweep(seed: number, cases: number, stepEvery: number, shapes?: readonly NetworkSpec[]): Promise<{ compared: number; worstRatio: number }> {
  const rng = createRng(seed);
  const oracle = createOracle({ precision: Number(process.env["SWEEP_PRECISION"] ?? 50) });
  let compared = 0, worstRatio = 0;
  const record = (what: string, k: number, stress: string, cmp: Comparison) => {
    if (!cmp.ok) {
      const f = cmp.failures[0];
      expect.fail(`false failure (seed ${seed}, case ${k}, ${stress}) in ${what}: ${cmp.problems.join("; ")} ${f ? `${f.entry} expected ${f.expected} actual ${f.actual} tolerance ${f.tolerance}` : ""}`);
    }
    compared += cmp.entries.length;
    for (const e of cmp.entries) if (e.tolerance > 0) worstRatio = Math.max(worstRatio, e.absError / e.tolerance);
  };
  for (let k = 0; k < cases; k++) {
    const { c, stress: kind } = stressCase(rng, k, shapes);
    const stress = `${kind}, ${c.network.layers.join("-")} ${c.network.activations.join("/")} ${c.network.cost}/${c.network.reduction ?? "mean"}`;
    const exact = oracleGradientsFor(c, { dtype: "float64", oracle });
    const exact64 = exactGradientsWithScales(c, { dtype: "float64", oracle }, undefined, exactToNumbers(exact));
    const exact32 = exactGradientsWithScales(c, { dtype: "float32", oracle }, undefined, exact64.exact);
    for (const [name, impl, dtype] of implementations) {
      record(`${name} gradients`, k, stress, compareGradients(c, await impl.gradients(c), { dtype, oracle }, dtype === "float64" ? exact64 : exact32));
      if (k % stepEvery === 0) {
        record(`${name} forward`, k, stress, compareForward(c, await impl.forward(c), { dtype, oracle }, exact));
        record(`${name} step`, k, stress, compareStep(c, await impl.step(c), { dtype, oracle }, exact));
      }
    }
  }
  return { compared, worstRatio };
}
