/**
 * Checks on a large declared shape (the classic MNIST 784-128-10 has 101,770 parameters) run fewer cases, so that a
 * default run stays within a minute on two cores: above LARGE_SHAPE_PARAMS parameters every oracle check sends
 * LARGE_ORACLE_CASES cases (3 where saturated cases are mixed in, so every kind is still sent; 1 for the sum and
 * mean_all variants, whose conventions the mean's cases already exercise) and `train` takes
 * LARGE_TRAIN_STEPS steps; the properties run as if `--runs` were runs·LARGE_PROPERTY_PARAMS/P (at least one case:
 * one case each at 784-128-10); `fd/full` runs LARGE_FD_CASES cases of LARGE_FD_SAMPLE_SIZE sampled entries. Every gradient entry of every case run is still compared with the
 * exact oracle; each check's message says what was reduced.
 */
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import type { NetworkSpec } from "../network/types.ts";

/** Above this many parameters a shape's checks run fewer cases. */
export const LARGE_SHAPE_PARAMS = 10_000;
/** Cases per oracle check on a large shape (3 with saturated cases mixed in). */
export const LARGE_ORACLE_CASES = 2;
/** SGD steps per `oracle/train` case on a large shape. */
export const LARGE_TRAIN_STEPS = 2;
/** A property on a large shape runs as if `--runs` were runs·LARGE_PROPERTY_PARAMS/P. */
export const LARGE_PROPERTY_PARAMS = 1_000;
/** Cases of `fd/full` and `fd/directional` on a large shape (a plain one and one with a ReLU unit on its kink). */
export const LARGE_FD_CASES = 2;
/** Entries in each `fd/full` case's seeded sample on a large shape: 4 in each layer's W and in each b (2 layers). */
export const LARGE_FD_SAMPLE_SIZE = 16;

/** The network's parameter count P = Σ_l (n_{l−1} + 1)·n_l. */
export function parameterCount(network: Pick<NetworkSpec, "layers">): number {
  let P = 0;
  for (let l = 1; l < network.layers.length; l++) P += (network.layers[l - 1]! + 1) * network.layers[l]!;
  return P;
}

/** Whether checks on `network` run the reduced case counts (P > threshold, LARGE_SHAPE_PARAMS unless given). */
export function isLargeShape(network: Pick<NetworkSpec, "layers">, threshold = LARGE_SHAPE_PARAMS): boolean {
  return parameterCount(network) > threshold;
}

/** The `runs` a property on a large shape runs with: runs·LARGE_PROPERTY_PARAMS/P, rounded, at least 1 (`runs` itself when not large). */
export function largeShapeRuns(runs: number, network: Pick<NetworkSpec, "layers">, threshold = LARGE_SHAPE_PARAMS): number {
  const P = parameterCount(network);
  return P > threshold ? Math.max(1, Math.round((runs * LARGE_PROPERTY_PARAMS) / P)) : runs;
}

/**
 * `outcome` with what a large shape's check cut added to its message:
 * `…; above 10,000 parameters (this shape: 101,770) <cut>`.
 */
export function withLargeShapeNote(outcome: CheckOutcome, network: Pick<NetworkSpec, "layers">, cut: string, threshold = LARGE_SHAPE_PARAMS): CheckOutcome {
  const n = (x: number) => x.toLocaleString("en-US");
  return { ...outcome, message: `${outcome.message}; above ${n(threshold)} parameters (this shape: ${n(parameterCount(network))}) ${cut}` };
}

/** `check` (a property on `network`) running with `largeShapeRuns` and saying so, or `check` itself when the shape is not large. */
export function scaledForLargeShape(check: Check, network: Pick<NetworkSpec, "layers">, threshold = LARGE_SHAPE_PARAMS): Check {
  if (!isLargeShape(network, threshold)) return check;
  return {
    ...check,
    async run(context: CheckContext): Promise<CheckOutcome> {
      const runs = largeShapeRuns(context.runs, network, threshold);
      const outcome = await check.run({ ...context, runs });
      return withLargeShapeNote(outcome, network, `run as if --runs were ${runs}, not ${context.runs}`, threshold);
    },
  };
}
