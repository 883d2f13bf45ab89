/**
 * Optimizer checks: `oracle/step/<cfg>/<shape>` and `oracle/train/<cfg>/<shape>` send seeded random cases with an
 * `optimizer` (see optimizerConfigs.ts) and compare every parameter entry, every state entry and Adam's step count
 * with the exact oracle. Step cases alternate a fresh state and a seeded non-trivial one (a buffer, m, v, t ≥ 1), so
 * a state bug shows in one step; train cases run ≥ 10 steps with the state carried. They need the optimizer in hello.
 */
import { compareStep, compareTrain } from "../gradcheck/index.ts";
import type { StepRequest } from "../implementation.ts";
import type { NetworkSpec } from "../network/types.ts";
import { createRng } from "../random/rng.ts";
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import { comparisonOutcome, type ComparedCase } from "./comparisonOutcome.ts";
import { oracleCases } from "./oracleCases.ts";
import { OPTIMIZER_CONFIGS, randomOptimizerState, type OptimizerConfig } from "./optimizerConfigs.ts";

/** A shape the optimizer checks run on, named in their ids, with the steps of each train case. */
export interface OptimizerShape {
  readonly name: string;
  readonly network: NetworkSpec;
  readonly trainSteps: number;
}

/** The shapes the optimizer checks run on by default: the seed's network and the softmax classifier. */
export const OPTIMIZER_SHAPES: readonly OptimizerShape[] = [
  { name: "3-3-1", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" }, trainSteps: 12 },
  { name: "4-5-3-ce", network: { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" }, trainSteps: 10 },
];

/** What a case's state was, for messages: fresh, or the seeded one's step count. */
const stateKind = (request: StepRequest): string =>
  request.state == null ? "fresh state" : "step" in request.state ? `seeded state, t = ${request.state.step}` : "seeded momentum buffer";

/** Case `index` of a check: its optimizer variant and learning rate, and (odd index) a seeded state. */
function optimizerRequest(config: OptimizerConfig, index: number, seed: number, base: Omit<StepRequest, "learningRate">): StepRequest {
  const optimizer = config.variants[Math.floor(index / 2) % config.variants.length]!;
  const learningRate = config.learningRates[Math.floor(index / 2) % config.learningRates.length]!;
  if (index % 2 === 0) return { ...base, learningRate, optimizer };
  return { ...base, learningRate, optimizer, state: randomOptimizerState(createRng(seed + 1000 + index), optimizer, base.params) };
}

function optimizerCheck(method: "step" | "train", config: OptimizerConfig, shape: OptimizerShape): Check {
  const id = `oracle/${method}/${config.name}/${shape.name}`;
  const variants = config.variants.map((o) => JSON.stringify(o)).join(" and ");
  const what = method === "step" ? "single samples, from a fresh state and from seeded non-trivial ones" : `small data sets, ${shape.trainSteps} steps each with the state carried, fresh and seeded starts`;
  return {
    id,
    description: `${method} with ${variants} on seeded random ${shape.name} cases (${what}) agrees with the exact oracle entry by entry: parameters, the optimizer's state and its step count.`,
    needs: { methods: [method], networks: [shape.network], optimizers: [config.needs] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      const { implementation: impl, dtype, oracle } = context;
      const rng = createRng(context.seed);
      const count = Math.max(4, Math.round(context.runs / (method === "train" ? 25 : 12)));
      const cases = oracleCases(rng, shape.network, count, method === "train", "unsaturated");
      const results = await Promise.all(cases.map(async ({ kind, c }, index): Promise<ComparedCase> => {
        const request = optimizerRequest(config, index, context.seed, { network: shape.network, params: c.params, inputs: c.inputs, targets: c.targets });
        const label = `${kind}, ${stateKind(request)}`;
        if (method === "step") {
          const actual = await impl.step(request);
          return { kind: label, index, request, actual, comparison: compareStep(request, actual, { dtype, oracle }) };
        }
        const orderRng = createRng(context.seed + index);
        const train = { ...request, order: Array.from({ length: shape.trainSteps }, () => orderRng.int(c.inputs.length)) };
        const actual = await impl.train(train);
        return { kind: label, index, request: train, actual, comparison: compareTrain(train, actual, { dtype, oracle }) };
      }));
      return comparisonOutcome(id, method, results, context);
    },
  };
}

/** The optimizer checks on `shapes` (the built-in OPTIMIZER_SHAPES unless given): step, then train, each configuration on each shape. */
export function optimizerChecks(shapes: readonly OptimizerShape[] = OPTIMIZER_SHAPES): Check[] {
  return (["step", "train"] as const).flatMap((method) => OPTIMIZER_CONFIGS.flatMap((config) => shapes.map((shape) => optimizerCheck(method, config, shape))));
}
