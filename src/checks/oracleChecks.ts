/**
 * Oracle checks: `oracle/<method>/<shape>` sends seeded random cases (see oracleCases.ts) to the implementation
 * and compares every entry of its answers with the exact oracle, with tolerances from the declared dtype and each
 * entry's rounding scale. A failure names the entries, the case and how to replay it.
 */
import { compareForward, compareStep, compareTrain, oracleGradientsFor } from "../gradcheck/index.ts";
import type { Method } from "../implementation.ts";
import type { NetworkSpec } from "../network/types.ts";
import { createRng } from "../random/rng.ts";
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import { oracleCases, type OracleCaseKind } from "./oracleCases.ts";
import { comparisonOutcome, gradientsCase, type ComparedCase } from "./comparisonOutcome.ts";

/** The shapes every oracle check runs on: the seed's network first, then non-square and deeper ones. */
export const ORACLE_SHAPES: readonly { readonly name: string; readonly network: NetworkSpec }[] = [
  { name: "3-3-1", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" } },
  { name: "2-5-1", network: { layers: [2, 5, 1], activations: ["relu", "logistic"], cost: "squared_error" } },
  { name: "4-3-2", network: { layers: [4, 3, 2], activations: ["tanh", "identity"], cost: "squared_error" } },
  { name: "3-4-3-1", network: { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" } },
];

/** Steps per `train` case: short enough for the carried rounding scales to stay sharp. */
const TRAIN_STEPS = 12;

async function compareCase(method: Method, context: CheckContext, network: NetworkSpec, kind: OracleCaseKind, index: number, c: ReturnType<typeof oracleCases>[number]["c"]): Promise<ComparedCase> {
  const { implementation: impl, dtype, oracle } = context;
  const options = { dtype, oracle };
  switch (method) {
    case "forward": {
      const request = { network, params: c.params, inputs: c.inputs };
      const actual = await impl.forward(request);
      return { kind, index, request, actual, comparison: compareForward(request, actual, options) };
    }
    case "gradients": {
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets };
      const actual = await impl.gradients(request);
      return gradientsCase(kind, index, request, actual, options);
    }
    case "step": {
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: c.learningRate };
      const actual = await impl.step(request);
      return { kind, index, request, actual, comparison: compareStep(request, actual, options, oracleGradientsFor(request, options)) };
    }
    case "train": {
      const orderRng = createRng(context.seed + index);
      const order = Array.from({ length: TRAIN_STEPS }, () => orderRng.int(c.inputs.length));
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: c.learningRate, order };
      const actual = await impl.train(request);
      return { kind, index, request, actual, comparison: compareTrain(request, actual, options) };
    }
    case "activation":
      throw new Error("oracle checks do not cover activation (see activation/<name>/audit)");
  }
}

function oracleCheck(method: Exclude<Method, "activation">, shape: (typeof ORACLE_SHAPES)[number], batch: boolean): Check {
  const id = `oracle/${method}/${batch ? "batch/" : ""}${shape.name}`;
  const what = batch ? "batches of 2–5 samples" : method === "train" ? "small data sets, 12 SGD steps each" : "single samples";
  return {
    id,
    description: `${method} on seeded random ${shape.name} cases (${what}; among them a dead ReLU unit and saturated outputs) agrees with the exact oracle entry by entry.`,
    needs: { methods: [method], networks: [shape.network] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      const rng = createRng(context.seed);
      const count = Math.max(3, Math.round(context.runs / (method === "train" ? 25 : 12)));
      const cases = oracleCases(rng, shape.network, count, batch || method === "train");
      const results = await Promise.all(cases.map(({ kind, c }, index) => compareCase(method, context, shape.network, kind, index, c)));
      return comparisonOutcome(id, method, results, context);
    },
  };
}

/**
 * Every oracle check: forward, gradients and step on each shape of ORACLE_SHAPES, on single samples and (`oracle/<method>/batch/<shape>`)
 * on batches; train (always one sample per step) on each shape.
 */
export function oracleChecks(): Check[] {
  return (["forward", "gradients", "step", "train"] as const).flatMap((method) =>
    ORACLE_SHAPES.flatMap((shape) => (method === "train" ? [oracleCheck(method, shape, false)] : [oracleCheck(method, shape, false), oracleCheck(method, shape, true)])),
  );
}
