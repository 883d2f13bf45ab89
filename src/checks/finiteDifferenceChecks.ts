/**
 * Finite-difference checks: `fd/full/<shape>` compares every gradient entry of the implementation with a
 * Richardson-extrapolated central difference of its own cost, on single samples; `fd/directional/<shape>` compares
 * g·v along seeded random directions (cost independent of the parameter count), on batches. Both are kink-aware: a ReLU unit on its kink makes
 * an entry "at-kink" (left and right derivatives shown), never a mismatch. A second opinion beside the oracle checks.
 */
import { randomCase } from "../cases/index.ts";
import type { EntryResult } from "../gradcheck/index.ts";
import type { Check, CheckContext, CheckOutcome, Hint } from "../harness/check.ts";
import { FD_FULL_SAMPLE_ABOVE, finiteDifferenceDirectional, finiteDifferenceFull, placeOnKink, type FdVerdict, type FiniteDifferenceReport } from "../finiteDifference/index.ts";
import type { GradientsRequest } from "../implementation.ts";
import type { NetworkSpec } from "../network/types.ts";
import { createRng, type Rng } from "../random/rng.ts";
import { isKinked } from "../family/activations.ts";
import { CLASSIFIER_SHAPES } from "./oracleChecks.ts";
import { entryGrids } from "./entryHeatmap.ts";
import { sameNetwork, type NamedShape } from "./declaredShapes.ts";
import { isLargeShape, LARGE_FD_CASES, LARGE_FD_SAMPLE_SIZE, LARGE_SHAPE_PARAMS, withLargeShapeNote } from "./largeShape.ts";

/** The shapes the finite-difference checks run on: the seed's network, a tanh one, a deeper mixed one, and the classifier shapes (the mean). */
export const FD_SHAPES: readonly { readonly name: string; readonly network: NetworkSpec }[] = [
  { name: "3-3-1", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" } },
  { name: "2-5-1", network: { layers: [2, 5, 1], activations: ["tanh", "logistic"], cost: "squared_error" } },
  { name: "3-4-3-1", network: { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" } },
  ...CLASSIFIER_SHAPES,
];

/** How a case was made: plain, or with a ReLU unit on its kink, a hair off it, or dead (W_i = 0, b_i = 0). */
export type FdCaseKind = "single" | "batch" | "kink" | "near-kink" | "dead-unit";

/**
 * The cases of one check, in a fixed order so that a seed replays them (ReLU-free shapes get plain cases only).
 * One sample each, or (`batches`) 2–4 samples each: `fd/full` runs single samples, so an implementation that
 * cannot take batches (the seed's published code) is still checked; `fd/directional` runs batches.
 */
export function finiteDifferenceCases(rng: Rng, network: NetworkSpec, count: number, batches: boolean): { readonly kind: FdCaseKind; readonly request: GradientsRequest }[] {
  const relu = network.activations.flatMap((f, l) => (isKinked(f) ? [l] : []));
  const plain: FdCaseKind = batches ? "batch" : "single";
  const kinds: FdCaseKind[] = relu.length > 0 ? [plain, "kink", "dead-unit", "near-kink"] : [plain];
  return Array.from({ length: count }, (_, k) => {
    const kind = kinds[k % kinds.length]!;
    const c = randomCase(rng, network, batches ? 2 + rng.int(3) : 1, { paramRange: [-1.5, 1.5], inputRange: [0, 1], reluMargin: 0 });
    let params = c.params;
    if (kind === "kink" || kind === "near-kink" || kind === "dead-unit") {
      const layer = relu[rng.int(relu.length)]!;
      const offset = kind === "near-kink" ? (rng.next() < 0.5 ? -1 : 1) * 10 ** -(2 + rng.int(11)) : 0;
      params = placeOnKink(network, params, c.inputs, { layer, unit: rng.int(network.layers[layer + 1]!), sample: rng.int(c.inputs.length), offset, dead: kind === "dead-unit" });
    }
    return { kind, request: { network, params, inputs: c.inputs, targets: c.targets } };
  });
}

/** A per-entry verdict as a reporter's table row: expected = numeric, actual = analytic. */
export function verdictEntry(v: FdVerdict): EntryResult {
  const absError = Math.abs(v.analytic - v.numeric);
  return { entry: v.entry, expected: v.numeric, actual: v.analytic, absError, relError: absError === 0 ? 0 : absError / Math.abs(v.numeric), tolerance: v.tolerance, ok: v.status !== "mismatch", why: `numeric ${v.numeric.toPrecision(8)} ± ${v.errorEstimate.toPrecision(2)}: ${v.why}` };
}

/**
 * Guesses from the mismatching entries' ratios analytic/numeric: all ≈ 2, ≈ ½ or ≈ −1, under the same kinds the
 * oracle's diagnosis gives the same bug (factorHints): one name per bug, whichever check finds it.
 */
function hintsFor(mismatches: readonly FdVerdict[]): Hint[] {
  const ratios = mismatches.filter((v) => Math.abs(v.numeric) > 4 * v.tolerance).map((v) => v.analytic / v.numeric);
  const all = (r: number) => ratios.length > 0 && ratios.every((x) => Math.abs(x - r) < 0.01 * Math.abs(r));
  if (all(2)) return [{ kind: "factor-2", message: "every mismatching entry is 2× the finite difference: a doubled 2 in dC/dA (2·2(a − y)/n), or a sum over the batch instead of a mean?" }];
  if (all(0.5)) return [{ kind: "factor-half", message: "every mismatching entry is ½ the finite difference: the ½(a − y)² cost convention (dC/dA = a − y), where nncheck's C = (1/n)·Σ(a − y)² needs dC/dA = 2(a − y)/n?" }];
  if (all(-1)) return [{ kind: "sign-flip", message: "every mismatching entry has the finite difference's size and the opposite sign: a − y and y − a swapped?" }];
  return [];
}

const MAX_ENTRIES = 24;

/** One finite-difference check on an explicit shape (the suite's own come from `finiteDifferenceChecks`). */
export function fdCheck(mode: "full" | "directional", shape: (typeof FD_SHAPES)[number]): Check {
  const id = `fd/${mode}/${shape.name}`;
  return {
    id,
    description: mode === "full"
      ? `every gradient entry on seeded single-sample ${shape.name} cases (ReLU units on and near their kinks included) agrees with a Richardson-extrapolated central difference of the implementation's own cost, within the estimate's error.`
      : `the gradient along seeded random directions on ${shape.name} batches (ReLU kinks included) agrees with a Richardson-extrapolated directional difference of the implementation's own cost (cost independent of the parameter count).`,
    needs: { methods: ["gradients"], networks: [shape.network] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      const rng = createRng(context.seed);
      const large = isLargeShape(shape.network); // fewer cases, a smaller fd/full sample (largeShape.ts)
      const usual = Math.max(3, Math.round(context.runs / 25));
      const count = large ? Math.min(usual, LARGE_FD_CASES) : usual;
      const cases = finiteDifferenceCases(rng, shape.network, count, mode === "directional");
      const options = { dtype: context.dtype, kinkProbe: context.hello.methods.includes("forward") ? ("implementation" as const) : ("reference" as const) };
      const reports: FiniteDifferenceReport[] = await Promise.all(cases.map(({ request }, k) =>
        mode === "full" ? finiteDifferenceFull(context.implementation, request, { ...options, sample: { seed: context.seed + k, ...(large ? { size: LARGE_FD_SAMPLE_SIZE } : {}) } }) : finiteDifferenceDirectional(context.implementation, request, { ...options, rng: createRng(context.seed + 1 + k), directions: 4 })));
      const compared = reports.reduce((n, r) => n + r.verdicts.length, 0);
      const atKink = reports.reduce((n, r) => n + r.atKink, 0);
      const calls = reports.reduce((n, r) => n + r.calls, 0);
      const replay = `${context.replayPrefix} --only ${id}`;
      const index = reports.findIndex((r) => !r.ok);
      const sampled = sampleNote(reports);
      const said = (outcome: CheckOutcome): CheckOutcome => large ? withLargeShapeNote(outcome, shape.network, `${count} cases, not ${usual}`) : outcome;
      if (index === -1) {
        return said({ status: "passed", message: `${compared} entries in ${cases.length} cases agree with finite differences (${atKink} at kinks, not judged; ${calls} calls)${sampled.message}`, details: { compared, atKink, calls, seed: context.seed, ...sampled.details } });
      }
      const failing = reports[index]!, { kind, request } = cases[index]!;
      const worst = [...failing.mismatches].sort((a, b) => Math.abs(b.analytic - b.numeric) / b.tolerance - Math.abs(a.analytic - a.numeric) / a.tolerance);
      const named = worst.slice(0, 4).map((v) => `${v.entry}: analytic ${v.analytic.toPrecision(6)}, numeric ${v.numeric.toPrecision(6)} ± ${v.errorEstimate.toPrecision(2)}`).join("; ");
      const hints = hintsFor(failing.mismatches);
      const grids = mode === "full" ? entryGrids(failing.verdicts.map(verdictEntry)) : undefined;
      return said({
        status: "failed",
        message: `gradients disagree with finite differences in ${reports.filter((r) => !r.ok).length} of ${cases.length} cases; case ${index} (${kind}): ${failing.mismatches.length} of ${failing.verdicts.length} entries (${named}${worst.length > 4 ? "; …" : ""})${sampled.message}`,
        details: {
          ...sampled.details,
          entries: worst.slice(0, MAX_ENTRIES).map(verdictEntry),
          compared,
          atKink,
          ...(hints.length > 0 ? { hints } : {}),
          seed: context.seed,
          replay,
          failingCase: { index, kind, request: { ...request, params: failing.params } },
          ...(grids !== undefined ? { heatmap: { case: index, kind, grids } } : {}),
        },
      });
    },
  };
}

/**
 * Above FD_FULL_SAMPLE_ABOVE parameters `fd/full` checks a seeded sample of entries per case: the message says so,
 * and `details.sample` names them (per case: the entries, out of how many, the seed).
 */
function sampleNote(reports: readonly FiniteDifferenceReport[]): { readonly message: string; readonly details: { readonly sample?: unknown } } {
  const samples = reports.flatMap((r, index) => (r.sample ? [{ case: index, ...r.sample }] : []));
  if (samples.length === 0) return { message: "", details: {} };
  const first = samples[0]!;
  return {
    message: `; above ${FD_FULL_SAMPLE_ABOVE.toLocaleString("en-US")} parameters a seeded sample of ${first.entries.length} of ${first.of} entries per case${first.of > LARGE_SHAPE_PARAMS ? ` (${LARGE_FD_SAMPLE_SIZE} above ${LARGE_SHAPE_PARAMS.toLocaleString("en-US")})` : ""} (every layer's W and b; seed ${first.seed} + case; named in details.sample: ${first.entries.slice(0, 3).join(", ")}, …), fd/directional carries the rest`,
    details: { sample: samples },
  };
}

/** Every finite-difference check: full and directional on each shape of FD_SHAPES. */
export function finiteDifferenceChecks(): Check[] {
  return (["full", "directional"] as const).flatMap((mode) => FD_SHAPES.map((shape) => fdCheck(mode, shape)));
}

/**
 * The finite-difference checks on the user's shapes: `fd/full/<shape>` and `fd/directional/<shape>`, with the
 * shape's first reduction; a shape equal to one of FD_SHAPES adds nothing (the built-in checks are its checks).
 */
export function declaredFiniteDifferenceChecks(shapes: readonly NamedShape[]): Check[] {
  const own = shapes.filter((s) => !FD_SHAPES.some((b) => sameNetwork(b.network, s.network)))
    .map(({ name, network, reductions }) => ({ name, network: reductions[0] === "mean" ? network : { ...network, reduction: reductions[0]! } }));
  return (["full", "directional"] as const).flatMap((mode) => own.map((shape) => fdCheck(mode, shape)));
}
