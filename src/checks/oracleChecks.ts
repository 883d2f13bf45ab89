/**
 * Oracle checks: `oracle/<method>/<shape>` sends seeded random cases (see oracleCases.ts) to the implementation
 * and compares every entry of its answers with the exact oracle, with tolerances from the declared dtype and each
 * entry's rounding scale. A failure names the entries, the case and how to replay it.
 */
import type { Method } from "../implementation.ts";
import { REDUCTIONS, type NetworkSpec, type Reduction } from "../network/types.ts";
import { createRng } from "../random/rng.ts";
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import { oracleCases, type CaseMix, type OracleCaseKind } from "./oracleCases.ts";
import { arrivesRounded, casesForDtype, withDropped, withinRange } from "./dtypeCases.ts";
import { comparisonOutcome, forwardCase, gradientsCase, type ComparedCase } from "./comparisonOutcome.ts";
import { optimizerChecks } from "./optimizerChecks.ts";
import { sameNetwork, type NamedShape } from "./declaredShapes.ts";
import { stepCase, trainCase } from "./stepCase.ts";
import { isLargeShape, LARGE_ORACLE_CASES, LARGE_SHAPE_PARAMS, LARGE_TRAIN_STEPS, withLargeShapeNote } from "./largeShape.ts";

/** A shape the oracle checks run on, named in their ids. */
export interface OracleShape {
  readonly name: string;
  readonly network: NetworkSpec;
}

/** The seed's shapes, with the squared error and the mean (saturated cases mixed into every check, as ever). */
export const ORACLE_SHAPES: readonly OracleShape[] = [
  { name: "3-3-1", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" } },
  { name: "2-5-1", network: { layers: [2, 5, 1], activations: ["relu", "logistic"], cost: "squared_error" } },
  { name: "4-3-2", network: { layers: [4, 3, 2], activations: ["tanh", "identity"], cost: "squared_error" } },
  { name: "3-4-3-1", network: { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" } },
];

/**
 * The classifier family's shapes: a logistic output with binary cross-entropy, a softmax one with cross-entropy, and
 * the smooth activations with the ½ convention. Their checks run once per reduction (`…/<shape>/<reduction>`), and
 * their saturated cases (outputs at ±800) run apart, under `oracle/<method>/saturated/<shape>`, so that an
 * implementation that knowingly computes ln(σ(z)) or ln(softmax) naively can list exactly those as expected failures.
 */
export const CLASSIFIER_SHAPES: readonly OracleShape[] = [
  { name: "3-3-1-bce", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "binary_cross_entropy" } },
  { name: "4-5-3-ce", network: { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" } },
  { name: "2-4-4-2", network: { layers: [2, 4, 4, 2], activations: ["leaky_relu", "softplus", "silu"], cost: "half_squared_error" } },
];

/** Steps per `train` case: short enough for the carried rounding scales to stay sharp. */
const TRAIN_STEPS = 12;

/**
 * Steps per `train` case on the classifier shapes: their rounding scales, carried from step to step as first-order
 * worst cases through three smooth layers, grow ~×50 a step (2-4-4-2), so after 12 they bound nothing; after 8 they
 * are still well below the values.
 */
const CLASSIFIER_TRAIN_STEPS = 8;

async function compareCase(method: Method, context: CheckContext, network: NetworkSpec, kind: OracleCaseKind, index: number, c: ReturnType<typeof oracleCases>[number]["c"], trainSteps = TRAIN_STEPS): Promise<ComparedCase> {
  const { implementation: impl, dtype, oracle } = context;
  const options = { dtype, oracle, roundedInputs: arrivesRounded(dtype) };
  switch (method) {
    case "forward": {
      const request = { network, params: c.params, inputs: c.inputs };
      return forwardCase(kind, index, request, await impl.forward(request), options);
    }
    case "gradients": {
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets };
      const actual = await impl.gradients(request);
      return gradientsCase(kind, index, request, actual, options);
    }
    case "step": {
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: c.learningRate };
      const actual = await impl.step(request);
      return stepCase(kind, index, request, actual, options);
    }
    case "train": {
      const orderRng = createRng(context.seed + index);
      const order = Array.from({ length: trainSteps }, () => orderRng.int(c.inputs.length));
      const request = { network, params: c.params, inputs: c.inputs, targets: c.targets, learningRate: c.learningRate, order };
      const actual = await impl.train(request);
      return trainCase(kind, index, request, actual, options);
    }
    case "activation":
      throw new Error("oracle checks do not cover activation (see activation/<name>/audit)");
  }
}

export type OracleMethod = Exclude<Method, "activation">;

/** One oracle check: `id`, the network (with its reduction) it sends, single samples or batches, which cases (exported for benches and other shapes; the suite's own come from `oracleChecks`). */
export function oracleCheck(id: string, method: OracleMethod, shapeName: string, network: NetworkSpec, batch: boolean, mix: CaseMix, trainSteps = TRAIN_STEPS, largeAbove = LARGE_SHAPE_PARAMS): Check {
  // a large shape (P above largeAbove) sends fewer cases and trains fewer steps: see largeShape.ts
  const large = isLargeShape(network, largeAbove);
  const fullSteps = trainSteps;
  if (large) trainSteps = Math.min(trainSteps, LARGE_TRAIN_STEPS);
  const what = batch ? "batches of 2–5 samples" : method === "train" ? `small data sets, ${trainSteps} SGD steps each` : "single samples";
  const among = mix === "saturated" ? "outputs driven to ±800, where a naive exp overflows and a naive ln(σ(z)) or ln(softmax) is −∞"
    : mix === "mixed" ? "among them a dead ReLU unit and saturated outputs" : "among them a unit of a kinked layer at z = 0 exactly";
  const cost = network.cost === "squared_error" && network.reduction === undefined ? "" : `, ${network.cost} reduced by ${network.reduction ?? "mean"}`;
  return {
    id,
    description: `${method} on seeded random ${shapeName} cases (${what}; ${among}${cost}) agrees with the exact oracle entry by entry${large ? ` (above ${largeAbove.toLocaleString("en-US")} parameters: fewer cases${method === "train" ? " and steps" : ""}, every entry still compared)` : ""}.`,
    needs: { methods: [method], networks: [network] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      const rng = createRng(context.seed);
      // the sum and mean_all variants check a convention the mean's cases already exercise: half as many cases
      const perCase = (method === "train" ? 25 : 12) * (network.reduction === undefined ? 1 : 2);
      const usual = Math.max(3, Math.round(context.runs / perCase));
      // on a large shape the sum and mean_all variants send one case: the mean's check sends every kind
      const count = large ? (network.reduction === undefined ? Math.min(usual, mix === "mixed" ? 3 : LARGE_ORACLE_CASES) : 1) : usual;
      // float16 and bfloat16 get the cases rounded, those beyond their range left out and said (dtypeCases.ts)
      const { cases, dropped } = casesForDtype(oracleCases(rng, network, count, batch || method === "train", mix), context.dtype, context.oracle);
      const results = await Promise.all(cases.map(({ kind, c, index }) => compareCase(method, context, network, kind, index, c, trainSteps)));
      const { kept, dropped: grown } = withinRange(results, context.dtype, context.oracle);
      const outcome = withDropped(kept.length > 0 ? comparisonOutcome(id, method, kept, context) : undefined, [...dropped, ...grown], count, context.dtype);
      if (!large) return outcome;
      const steps = method === "train" ? ` of ${trainSteps} steps (not ${fullSteps})` : "";
      return withLargeShapeNote(outcome, network, `${count} case${count === 1 ? "" : "s"}${steps}, not ${usual}`, largeAbove);
    },
  };
}

/** `network` with `reduction`, written the wire's way: the mean leaves the key out (protocol v1 as it always was). */
function withReduction(network: NetworkSpec, reduction: Reduction): NetworkSpec {
  return reduction === "mean" ? network : { ...network, reduction };
}

/**
 * Every oracle check. On each shape of ORACLE_SHAPES: forward, gradients and step on single samples and
 * (`oracle/<method>/batch/<shape>`) on batches, train (one sample per step). On each shape of CLASSIFIER_SHAPES the
 * same, but for every reduction (`oracle/<method>[/batch]/<shape>/<reduction>`; forward does not depend on it), and
 * the saturated cases apart: `oracle/<forward|gradients|step>/saturated/<shape>` (single samples, the mean). Last, the
 * optimizers' `oracle/<step|train>/<cfg>/<shape>` (optimizerChecks.ts), which need an optimizer in hello.
 */
export function oracleChecks(): Check[] {
  const methods = ["forward", "gradients", "step", "train"] as const;
  const seedShapes = methods.flatMap((method) => ORACLE_SHAPES.flatMap(({ name, network }) => {
    const one = (batch: boolean) => oracleCheck(`oracle/${method}/${batch ? "batch/" : ""}${name}`, method, name, network, batch, "mixed");
    return method === "train" ? [one(false)] : [one(false), one(true)];
  }));
  const classifiers = methods.flatMap((method) => CLASSIFIER_SHAPES.flatMap(({ name, network }) => {
    const batches = method === "train" ? [false] : [false, true];
    if (method === "forward") return batches.map((batch) => oracleCheck(`oracle/forward/${batch ? "batch/" : ""}${name}`, method, name, network, batch, "unsaturated"));
    return batches.flatMap((batch) => REDUCTIONS.map((reduction) =>
      oracleCheck(`oracle/${method}/${batch ? "batch/" : ""}${name}/${reduction}`, method, name, withReduction(network, reduction), batch, "unsaturated", CLASSIFIER_TRAIN_STEPS)));
  }));
  const saturated = (["forward", "gradients", "step"] as const).flatMap((method) => CLASSIFIER_SHAPES.map(({ name, network }) =>
    oracleCheck(`oracle/${method}/saturated/${name}`, method, name, network, false, "saturated")));
  return [...seedShapes, ...classifiers, ...saturated, ...optimizerChecks()];
}

/**
 * The oracle checks on the user's shapes (hello `networks`, `--network`), named `oracle/<method>[/batch]/<shape>`
 * and, for each reduction but the mean, `…/<shape>/<reduction>`: forward, gradients and step on single samples and
 * batches, train (one sample per step, 8 steps); a squared-error shape mixes its saturated cases in, as the seed's
 * shapes do, any other keeps them apart (`oracle/<forward|gradients|step>/saturated/<shape>`), as the classifier
 * shapes do; and the optimizers' `oracle/<step|train>/<cfg>/<shape>` (optimizerChecks.ts), on shapes up to
 * LARGE_SHAPE_PARAMS parameters. A shape equal to a built-in one adds nothing: the built-in checks are its checks.
 */
export function declaredOracleChecks(shapes: readonly NamedShape[]): Check[] {
  const builtIn = [...ORACLE_SHAPES, ...CLASSIFIER_SHAPES];
  const own = shapes.filter((s) => !builtIn.some((b) => sameNetwork(b.network, s.network)));
  const methods = ["forward", "gradients", "step", "train"] as const;
  const plain = methods.flatMap((method) => own.flatMap(({ name, network, reductions }) => {
    const mix: CaseMix = network.cost === "squared_error" ? "mixed" : "unsaturated";
    const batches = method === "train" ? [false] : [false, true];
    const variants = method === "forward" ? reductions.slice(0, 1) : reductions;
    return batches.flatMap((batch) => variants.map((reduction) => {
      const suffix = method === "forward" || reduction === "mean" ? "" : `/${reduction}`;
      return oracleCheck(`oracle/${method}/${batch ? "batch/" : ""}${name}${suffix}`, method, name, withReduction(network, reduction), batch, mix, CLASSIFIER_TRAIN_STEPS);
    }));
  }));
  const saturated = (["forward", "gradients", "step"] as const).flatMap((method) => own.filter((s) => s.network.cost !== "squared_error").map(({ name, network, reductions }) =>
    oracleCheck(`oracle/${method}/saturated/${name}`, method, name, withReduction(network, reductions[0]!), false, "saturated")));
  // an exact Adam step costs ~70 µs per parameter: above LARGE_SHAPE_PARAMS the optimizers are checked on the built-in shapes only
  const optimizers = optimizerChecks(own.filter((s) => !isLargeShape(s.network)).map(({ name, network, reductions }) => ({ name, network: withReduction(network, reductions[0]!), trainSteps: DECLARED_OPTIMIZER_TRAIN_STEPS })));
  return [...plain, ...saturated, ...optimizers];
}

/** Steps per `oracle/train/<cfg>/<shape>` case on a declared shape (the state carried through every one). */
const DECLARED_OPTIMIZER_TRAIN_STEPS = 10;
