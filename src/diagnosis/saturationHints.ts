/**
 * Hints for the textbook formulas that break at saturation, each tested by evaluating the naive formula in float64
 * at the exact values and asking whether the answer matches it: a cost of ln σ(z) or ln softmax(z) taken of the
 * rounded σ or softmax (use log-sigmoid, log-softmax), a softmax that does not subtract max z (e^z overflows), and a
 * softplus computed as ln(1 + e^z). The hint says which formula to use instead.
 */
import { reductionWeight } from "../family/costs.ts";
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { ForwardResult, GradientsRequest, GradientsResult } from "../implementation.ts";
import type { Matrix, NetworkSpec, Vector } from "../network/types.ts";
import { close } from "./paramGroups.ts";

/** e^z/Σ e^z with no max subtracted, as a naive implementation computes it. */
const naiveSoftmax = (z: Vector): number[] => {
  const e = z.map(Math.exp);
  const s = e.reduce((acc, x) => acc + x, 0);
  return e.map((x) => x / s);
};
const naiveSoftplus = (z: number): number => Math.log(1 + Math.exp(z));
const finite = (m: Matrix) => m.every((row) => row.every(Number.isFinite));
const largest = (xs: readonly number[]) => xs.reduce((m, x) => (Math.abs(x) > Math.abs(m) ? x : m), 0);

/** Whether a cost `actual` is what the naive `naive` gives: both non-finite, or loosely equal and both finite. */
const matchesNaive = (naive: number, actual: number, exactCost: number): boolean =>
  Number.isFinite(naive) ? close(naive, actual, Math.abs(naive)) && !close(naive, exactCost, Math.abs(naive)) : !Number.isFinite(actual);

/**
 * The naive cross-entropies w·Σ_s c_s from the exact outputs rounded to float64: `skipZeros` leaves out the terms
 * whose weight y (or 1 − y) is 0, as careful code does; without it 0·ln 0 = NaN, as the plain textbook line gives.
 */
function naiveCost(network: NetworkSpec, a: Matrix, targets: Matrix, skipZeros: boolean): number {
  const w = reductionWeight(network.reduction, a.length, network.layers.at(-1)!);
  const term = (weight: number, p: number) => (skipZeros && weight === 0 ? 0 : weight * Math.log(p));
  const perSample = a.map((as, s) => as.reduce((c, ak, k) => {
    const y = targets[s]![k]!;
    return c - (network.cost === "binary_cross_entropy" ? term(y, ak) + term(1 - y, 1 - ak) : term(y, ak));
  }, 0));
  return w * perSample.reduce((acc, c) => acc + c, 0);
}

/** The naive-ln hint of a failing cost (BCE and cross-entropy), if the answer's cost is the naive one. */
function naiveLogHint(request: GradientsRequest, exact: ExactGradients, actual: GradientsResult, comparison: Comparison): Hint | undefined {
  const { network } = request;
  const bce = network.cost === "binary_cross_entropy";
  if ((!bce && network.cost !== "cross_entropy") || typeof actual.cost !== "number" || !comparison.failures.some((e) => e.entry === "cost")) return undefined;
  const out = exact.layers.at(-1)!;
  const cost = actual.cost;
  if (![true, false].some((skip) => matchesNaive(naiveCost(network, out.a, request.targets, skip), cost, exact.cost))) return undefined;
  const z = largest(out.z.flat());
  const lead = `the cost is ${cost} where the exact cost is ${exact.cost} (output z up to ${z})`;
  return bce
    ? { kind: "naive-log-sigmoid", message: `${lead}: it matches −[y ln σ(z) + (1 − y) ln(1 − σ(z))] taken of σ(z) rounded to float64, where σ(z) is 0 or 1 and ln gives −∞ — use log-sigmoid: c = max(z, 0) − y·z + ln(1 + e^−|z|), finite for every z` }
    : { kind: "naive-log-softmax", message: `${lead}: it matches −Σ y_k ln a_k taken of softmax(z) rounded to float64, where an a_k underflows to 0 and ln gives −∞ — use log-softmax: ln a_k = z_k − m − ln Σ_j e^(z_j − m) with m = max z, finite for every z` };
}

const SOFTMAX_WHY = "e^z overflows float64 above z = 709.78 (and every e^z underflows to 0 below −745), so a softmax that does not subtract max z first gives ∞/∞ or 0/0 = NaN — subtract max z: a = e^(z − m)/Σ_j e^(z_j − m) with m = max z, so that softmax(1000, 0) = (1, 0)";
const SOFTPLUS_WHY = "softplus computed as ln(1 + e^z) overflows to ∞ above z = 709.78 — use max(z, 0) + ln(1 + e^−|z|) (log1p), finite for every z: softplus(800) = 800";

/** Samples s of layer l whose naive value is non-finite at the exact z (softmax: any unit; softplus: per unit). */
function overflowing(network: NetworkSpec, exact: ExactGradients, l: number): { readonly z: number[] } {
  const { z } = exact.layers[l]!;
  const f = network.activations[l];
  const zs = f === "softmax" ? z.filter((row) => !naiveSoftmax(row).every(Number.isFinite)).flat()
    : f === "softplus" ? z.flat().filter((v) => !Number.isFinite(naiveSoftplus(v))) : [];
  return { z: zs };
}

/** Overflow hints for a `gradients` answer with non-finite gradients (the naive formula overflows at the exact z there). */
function overflowHints(request: GradientsRequest, exact: ExactGradients, actual: GradientsResult): Hint[] {
  // the gradients, not the cost: a naive ln makes the cost alone infinite (naiveLogHint), with a softmax that is right
  const got = (actual.grads ?? []).flatMap((g) => [...(Array.isArray(g?.W) ? g.W.flat() : []), ...(Array.isArray(g?.b) ? g.b : [])]);
  if (got.every((x) => typeof x !== "number" || Number.isFinite(x))) return [];
  return request.network.activations.flatMap((f, l): Hint[] => {
    const { z } = overflowing(request.network, exact, l);
    if (z.length === 0) return [];
    const where = `the answer has non-finite entries, and layer ${l + 1}'s z reaches ${largest(z)}`;
    return [f === "softmax" ? { kind: "softmax-overflow", message: `${where}: ${SOFTMAX_WHY}` } : { kind: "softplus-overflow", message: `${where}: ${SOFTPLUS_WHY}` }];
  });
}

/** The saturation hints for a `gradients` answer (see the module comment). */
export function saturationHints(request: GradientsRequest, exact: ExactGradients, actual: GradientsResult, comparison: Comparison): Hint[] {
  const naive = naiveLogHint(request, exact, actual, comparison);
  return [...(naive === undefined ? [] : [naive]), ...overflowHints(request, exact, actual)];
}

/**
 * Hints for a wrong `forward` answer: a layer whose A is non-finite exactly where the naive softmax or softplus is at
 * the exact z. Empty when the answer passed or nothing fits.
 */
export function diagnoseForward(network: NetworkSpec, exact: ExactGradients, actual: ForwardResult, comparison: Comparison): Hint[] {
  if (comparison.ok) return [];
  return network.activations.flatMap((f, l): Hint[] => {
    if (f !== "softmax" && f !== "softplus") return [];
    const { z } = exact.layers[l]!;
    const got = actual.layers?.[l]?.a;
    if (!Array.isArray(got) || got.length !== z.length || !finite(exact.layers[l]!.a)) return [];
    const naive = z.map((row) => (f === "softmax" ? naiveSoftmax(row) : row.map(naiveSoftplus)));
    const hits: number[] = [];
    naive.forEach((row, s) => row.forEach((v, i) => {
      const a = (got[s] as unknown as readonly unknown[] | undefined)?.[i];
      if (!Number.isFinite(v) && typeof a === "number" && !Number.isFinite(a)) hits.push(z[s]![i]!);
    }));
    if (hits.length === 0) return [];
    const where = `A${l + 1} is non-finite where the naive ${f} is, at z up to ${largest(f === "softmax" ? z.filter((_, s) => !naive[s]!.every(Number.isFinite)).flat() : hits)}`;
    return [f === "softmax" ? { kind: "softmax-overflow", message: `${where}: ${SOFTMAX_WHY}` } : { kind: "softplus-overflow", message: `${where}: ${SOFTPLUS_WHY}` }];
  });
}
