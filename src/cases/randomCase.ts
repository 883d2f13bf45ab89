import { ACTIVATION_TABLE, isKinked } from "../family/activations.ts";
import { COST_TABLE } from "../family/costs.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";
import { validateNetwork } from "../network/validate.ts";
import { createOracle } from "../oracle/index.ts";
import type { Rng } from "../random/rng.ts";
import { clearsReluMargin } from "./clearsReluMargin.ts";
import { reluMargin } from "./reluMargin.ts";

/** A closed-open range `[lo, hi)` for uniform draws. */
export type Range = readonly [number, number];

/** How `randomCase` draws a case; every field is optional. */
export interface RandomCaseOptions {
  /** Range of every weight and bias. Default [−1, 1). */
  readonly paramRange?: Range;
  /** Range of every input feature. Default [−1, 1). */
  readonly inputRange?: Range;
  /** Range of every target. Default by output activation: logistic [0, 1), tanh [−1, 1), relu [0, 2), identity [−2, 2). */
  readonly targetRange?: Range;
  /** A fixed learning rate, or the range it is drawn from. Default [0.01, 0.5). */
  readonly learningRate?: number | Range;
  /** Redraw while some ReLU pre-activation |z| is ≤ this (a case must not sit on the kink). Default 1e-9; 0 disables. */
  readonly reluMargin?: number;
  /** An extra acceptance test (e.g. for cancellation-heavy cases); a rejected candidate is redrawn. */
  readonly accept?: (candidate: RandomCase) => boolean;
  /** Candidates drawn before giving up. Default 100. */
  readonly maxAttempts?: number;
}

/** A request-shaped case of float64 values (write them with `String(x)`: they round-trip exactly). */
export interface RandomCase {
  readonly network: NetworkSpec;
  readonly params: Params;
  /** `inputs[sample][feature]`. */
  readonly inputs: Matrix;
  /** `targets[sample][output]`. */
  readonly targets: Matrix;
  readonly learningRate: number;
  /** Candidates drawn up to and including this one. */
  readonly attempts: number;
}


/** The oracle that checks the ReLU margin: 40 digits see |z| ≤ 1e-9 with room to spare. */
const marginOracle = createOracle({ precision: 40 });

/**
 * A random case for `network` with `batchSize` samples, drawn from `rng` in a fixed order (per layer W row by
 * row then b; inputs; targets; learning rate), redrawn until no ReLU pre-activation is within `reluMargin` of 0
 * and `accept` holds. Margins are measured exactly (oracle) on the decimal strings `String(x)` of the draws.
 */
export function randomCase(rng: Rng, network: NetworkSpec, batchSize: number, options: RandomCaseOptions = {}): RandomCase {
  const networkErrors = validateNetwork(network);
  if (networkErrors.length > 0) throw new RangeError(`randomCase: ${networkErrors.join("; ")}`);
  if (!(Number.isSafeInteger(batchSize) && batchSize >= 1)) {
    throw new RangeError(`randomCase: batchSize must be a positive integer, got ${batchSize}`);
  }
  const outputActivation = network.activations[network.activations.length - 1]!;
  const paramRange = checkRange("paramRange", options.paramRange ?? [-1, 1]);
  const inputRange = checkRange("inputRange", options.inputRange ?? [-1, 1]);
  const targetRange = checkRange("targetRange", options.targetRange ?? ACTIVATION_TABLE[outputActivation].targetRange);
  const rate = options.learningRate ?? [0.01, 0.5];
  if (typeof rate === "number" && !(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`randomCase: options.learningRate must be a positive finite number or a range, got ${rate}`);
  }
  const rateRange = typeof rate === "number" ? undefined : checkRange("learningRate", rate);
  const margin = options.reluMargin ?? 1e-9;
  const maxAttempts = options.maxAttempts ?? 100;

  const draw = ([lo, hi]: Range): number => rng.uniform(lo, hi);
  const drawMatrix = (rows: number, cols: number, range: Range): number[][] =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => draw(range)));
  const rejections: string[] = [];
  for (let attempts = 1; attempts <= maxAttempts; attempts++) {
    const params: Params = network.layers.slice(1).map((units, l) => ({
      W: drawMatrix(units, network.layers[l]!, paramRange),
      b: Array.from({ length: units }, () => draw(paramRange)),
    }));
    const inputs = drawMatrix(batchSize, network.layers[0]!, inputRange);
    const targets = drawTargets(rng, network, batchSize, targetRange);
    const learningRate = rateRange === undefined ? (rate as number) : draw(rateRange);
    const candidate: RandomCase = { network, params, inputs, targets, learningRate, attempts };

    // a first-layer-only ReLU case clear of the kink in float64 by a rounding bound is clear exactly: no oracle pass
    const clear = margin > 0 && clearsReluMargin(network, params, inputs, margin);
    const closest = margin > 0 && !clear ? closestReluPreActivation(candidate) : undefined;
    if (closest !== undefined && closest <= margin) rejections.push(`attempt ${attempts}: a ReLU |z| = ${closest.toExponential(3)} ≤ ${margin}`);
    else if (options.accept !== undefined && !options.accept(candidate)) rejections.push(`attempt ${attempts}: rejected by options.accept`);
    else return candidate;
  }
  throw new RangeError(
    `randomCase: no acceptable case in ${maxAttempts} attempts (rng seed ${rng.seed}, layers [${network.layers.join(", ")}], ` +
      `activations [${network.activations.join(", ")}], batch ${batchSize}); last: ${rejections.slice(-3).join("; ")}`,
  );
}

/**
 * Targets the network's cost takes: uniform in `range` for the squared errors; for binary_cross_entropy each 0 or 1
 * half the time, else uniform in [0, 1); for cross_entropy a one-hot vector two times in three, else a smoothed one
 * (ε = 2^−(6 + ⌈log₂ K⌉) on every other class, 1 − (K − 1)·ε on the hot one: dyadic, so the row sums to 1 exactly).
 */
function drawTargets(rng: Rng, network: NetworkSpec, samples: number, range: Range): number[][] {
  const K = network.layers.at(-1)!;
  const rule = COST_TABLE[network.cost].targets;
  return Array.from({ length: samples }, () => {
    if (rule === "real") return Array.from({ length: K }, () => rng.uniform(range[0], range[1]));
    if (rule === "unit-interval") return Array.from({ length: K }, () => (rng.next() < 0.5 ? (rng.next() < 0.5 ? 0 : 1) : rng.next()));
    const hot = rng.int(K);
    if (rng.next() < 2 / 3 || K === 1) return Array.from({ length: K }, (_, k) => (k === hot ? 1 : 0));
    const epsilon = 2 ** -(6 + Math.ceil(Math.log2(K)));
    return Array.from({ length: K }, (_, k) => (k === hot ? 1 - (K - 1) * epsilon : epsilon));
  });
}

/** The smallest ReLU |z| of the case's exact forward pass on its decimal strings, or undefined without ReLU. */
function closestReluPreActivation(c: RandomCase): number | undefined {
  if (!c.network.activations.some(isKinked)) return undefined;
  const asStrings = (m: Matrix) => m.map((row) => row.map(String));
  const params = c.params.map(({ W, b }) => ({ W: asStrings(W), b: b.map(String) }));
  const layers = marginOracle.forward(c.network, params, asStrings(c.inputs));
  return reluMargin(c.network, layers)?.toNumber();
}

function checkRange(name: string, range: Range): Range {
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new RangeError(`randomCase: options.${name} must be finite [lo, hi] with lo < hi, got [${lo}, ${hi}]`);
  }
  return range;
}
