/**
 * The optimizer tolerances (src/gradcheck/optimizerScales.ts): never a false failure for correct implementations —
 * the reference (float64, PyTorch's order), a textbook update in float64 and one simulated in float32 (Math.fround
 * after every operation, m̂ and v̂ explicit, β^t by repeated products) — on seeded step and train cases of every
 * configuration, fresh and non-trivial states; and sharp: a relative change of 1e-7 of any entry of a float64
 * answer, parameter or state, fails that entry alone.
 */
import { describe, expect, it } from "vitest";
import { randomCase } from "../../src/cases/index.ts";
import { OPTIMIZER_CONFIGS, randomOptimizerState } from "../../src/checks/optimizerConfigs.ts";
import { compareOptimizerStep, compareOptimizerTrain, exactOptimizerStep, exactOptimizerTrainSteps, type Comparison, type OptimizerRequest } from "../../src/gradcheck/index.ts";
import type { Implementation, StepRequest, TrainRequest } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { withTextbookOptimizers } from "../support/textbookOptimizer.ts";
import { leaves, withEntry, type Answer } from "./injectOneAtATime.ts";

const SHAPES: readonly NetworkSpec[] = [
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" },
  { layers: [2, 4, 2], activations: ["tanh", "identity"], cost: "half_squared_error" },
];
const IMPLEMENTATIONS: readonly [string, Implementation, "float64" | "float32"][] = [
  ["reference", reference, "float64"],
  ["textbook float64", withTextbookOptimizers(textbookImplementation({ arithmetic: "float64" }), (x) => x), "float64"],
  ["textbook float32", withTextbookOptimizers(textbookImplementation({ arithmetic: "float32" }), Math.fround), "float32"],
];
const oracle = createOracle();

/** Case k: a shape, a configuration and its variant, a learning rate, and (odd k) a seeded non-trivial state. */
function optimizerCase(rng: ReturnType<typeof createRng>, k: number, samples: number): OptimizerRequest<StepRequest> {
  const network = SHAPES[k % SHAPES.length]!;
  const config = OPTIMIZER_CONFIGS[k % OPTIMIZER_CONFIGS.length]!;
  const optimizer = config.variants[Math.floor(k / OPTIMIZER_CONFIGS.length) % config.variants.length]!;
  const c = randomCase(rng, network, samples, { paramRange: [-1.5, 1.5], inputRange: [0, 1] });
  const state = k % 2 === 1 ? randomOptimizerState(rng, optimizer, c.params) : undefined;
  return { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: config.learningRates[k % config.learningRates.length]!, optimizer, ...(state ? { state } : {}) };
}

const explain = (what: string, cmp: Comparison) => `${what}: ${cmp.problems.join("; ")} ${cmp.failures.slice(0, 3).map((f) => `${f.entry} expected ${f.expected} actual ${f.actual} tolerance ${f.tolerance}`).join("; ")}`;

describe("optimizer tolerances never fail a correct implementation", () => {
  it("150 seeded step cases (seed 31), every configuration, fresh and non-trivial states, float64 and simulated float32", async () => {
    const rng = createRng(31);
    let compared = 0;
    for (let k = 0; k < 150; k++) {
      const request = optimizerCase(rng, k, 1 + (k % 3));
      const exact = exactOptimizerStep(oracle, request);
      for (const [name, impl, dtype] of IMPLEMENTATIONS) {
        const cmp = compareOptimizerStep(request, await impl.step(request), { dtype, oracle }, exact);
        expect(cmp.ok, explain(`seed 31 case ${k} ${name} ${JSON.stringify(request.optimizer)}`, cmp)).toBe(true);
        compared += cmp.entries.length;
      }
    }
    expect(compared).toBeGreaterThan(150 * 3 * 20);
  });

  it("8 seeded train cases of 10 steps (seed 32), the state carried", async () => {
    const rng = createRng(32);
    for (let k = 0; k < 8; k++) {
      const step = optimizerCase(rng, k, 4);
      const request: OptimizerRequest<TrainRequest> = { ...step, order: Array.from({ length: 10 }, () => rng.int(4)) };
      const exact = exactOptimizerTrainSteps(oracle, request);
      for (const [name, impl, dtype] of IMPLEMENTATIONS) {
        const cmp = compareOptimizerTrain(request, await impl.train(request), { dtype, oracle }, exact);
        expect(cmp.ok, explain(`seed 32 case ${k} ${name} ${JSON.stringify(request.optimizer)}`, cmp)).toBe(true);
      }
    }
  });
});


describe("optimizer tolerances are sharp in float64", () => {
  it("a relative change of 1e-7 of any parameter or state entry of the reference's answer fails that entry alone (seed 33)", async () => {
    const rng = createRng(33);
    let caught = 0, zero = 0, unclaimable = 0;
    for (let k = 0; k < 10; k++) {
      const request = optimizerCase(rng, k, 1);
      const answer = (await reference.step(request)) as unknown as Answer;
      const exact = exactOptimizerStep(oracle, request);
      const compare = (a: Answer) => compareOptimizerStep(request, a as never, { dtype: "float64", oracle }, exact);
      const baseline = compare(answer);
      expect(baseline.ok).toBe(true);
      const paths = leaves(answer);
      baseline.entries.forEach((entry, index) => {
        if (entry.entry === "state.step") {
          expect(compare(withEntry(answer, paths[index]!, (t) => t + 1)).failures.map((f) => f.entry)).toEqual(["state.step"]);
          return void caught++;
        }
        if (entry.expected === 0) return void zero++;
        if (entry.tolerance + entry.absError >= 1e-7 * Math.abs(entry.expected)) return void unclaimable++;
        const verdict = compare(withEntry(answer, paths[index]!, (x) => x * (1 + 1e-7)));
        expect(verdict.failures.map((f) => f.entry), `case ${k} ${entry.entry}`).toEqual([entry.entry]);
        caught++;
      });
    }
    expect(caught).toBeGreaterThan(250);
    expect(unclaimable).toBeLessThan(caught / 100);
  });
});
