/**
 * The cost family as data: one entry per cost, holding its float64 value and output gradient (the reference's), its
 * exact decimal form (the oracle's) and its rounding scales (the tolerance model's), next to the reductions that
 * turn per-sample costs into the batch cost. Every cost is a per-sample sum over the output units; the batch cost
 * is C = w·Σ_samples c_s with w = 1/n (mean, the default), 1 (sum) or 1/(n·K) (mean_all, K output units).
 *
 * The tolerance model of the cross-entropies admits two ways of computing them, both correct where they have a
 * meaning: the stable one (log-sigmoid, log-softmax, δ = a − y taken directly) and the textbook one (ln a and
 * ln(1 − a) of the computed a, then dC/da back through the activation). The textbook one counts only while the
 * numbers it takes the log of or divides by are known to ≥ 10 bits (NAIVE_VALIDITY); beyond that — saturation —
 * only the stable formulas are correct, and the checks of saturated cases say so.
 */
import type { Decimal } from "decimal.js";
import { TRANSCENDENTAL_ROUNDINGS as T } from "../gradcheck/tolerance.ts";
import type { Activation, Cost, Reduction, Vector } from "../network/types.ts";
import type { DecimalConstructor } from "../oracle/decimal.ts";
import { decimalExp, decimalLog1p } from "../oracle/elementary.ts";
import { ACTIVATION_TABLE, backwardLayer, logistic64, type ElementwiseActivation } from "./activations.ts";

const logisticEntry = ACTIVATION_TABLE.logistic as ElementwiseActivation;

/** The textbook path of a cross-entropy counts while u·E(x) ≤ NAIVE_VALIDITY·|x| for each x it takes ln of or divides by. */
export const NAIVE_VALIDITY = 2 ** -10;

/** What the tolerance model knows of one sample's output layer (exact values rounded to float64; scales in units of u). */
export interface OutputScaleInputs {
  readonly z: Vector;
  readonly a: Vector;
  readonly y: Vector;
  readonly Ez: Vector;
  readonly Ea: Vector;
  /** The targets' own scales (|y| when they reach the implementation rounded, else 0). */
  readonly Ey: Vector;
  /** The reduction's weight w of this sample's cost. */
  readonly w: number;
  readonly u: number;
  /** The dtype's smallest normal number: below it a divisor or a log argument has no relative accuracy left. */
  readonly tiny: number;
}

/** One sample's output-layer scales: its weighted cost term, and the ways δ_L = dC/dz_L may be computed. */
export interface OutputScales {
  /** E(w·c_s) from the per-unit terms (the roundings of the sums over units and samples are the caller's). */
  readonly Ecost: number;
  /** The chain path: g = w·dC/da and E(g), to be taken back through the output activation; absent where it is not valid. */
  readonly chain?: { readonly g: number[]; readonly Eg: number[] };
  /** E(δ_L) of a fused path that forms δ_L = dC/dz directly (BCE on σ: w(a − y); CE on softmax: w(a·Σy − y)). */
  readonly fused?: number[];
}

/** Which targets a cost takes. */
export type TargetRule = "real" | "unit-interval" | "probability";

export interface CostEntry {
  readonly name: Cost;
  /** The per-sample formula, one line, for docs and `nncheck list --long`. */
  readonly formula: string;
  /** The output activation the cost is defined on, if it needs one. */
  readonly output?: Activation;
  readonly targets: TargetRule;
  /** Units of u of absolute rounding per output unit in a correct c_s whatever its size (1 for ln(1 + t) rounding 1 + t), for noise bounds. */
  readonly absoluteNoise: number;
  /** c_s for one sample in float64 (unweighted), from the output layer's z, a and the targets y. */
  value(z: Vector, a: Vector, y: Vector): number;
  /** δ_L = w·dc_s/dz_L for one sample in float64, through output activation `output` (stable forms where they exist). */
  delta(output: Activation, z: Vector, a: Vector, y: Vector, w: number): number[];
  /** c_s to D's precision (unweighted). */
  exactValue(D: DecimalConstructor, z: readonly Decimal[], a: readonly Decimal[], y: readonly Decimal[]): Decimal;
  /** dc_s/da to D's precision (unweighted): the general rule the oracle backpropagates through the output activation. */
  exactGradient(D: DecimalConstructor, z: readonly Decimal[], a: readonly Decimal[], y: readonly Decimal[]): Decimal[];
  /** One sample's output-layer rounding scales (see OutputScales). */
  scales(s: OutputScaleInputs): OutputScales;
}

/** E of a product x·y from the factors' own E, to second order (the product's own rounding counted apart). */
const productE = (x: number, Ex: number, y: number, Ey: number, u: number): number => Math.abs(x) * Ey + Ex * Math.abs(y) + u * Ex * Ey;

/**
 * ln σ(z) and ln σ(−z) = ln(1 − σ(z)) in decimal, accurate for every z, from one L = ln(1 + e^−|z|):
 * ln σ(z) = −L for z ≥ 0 (z − L below), and ln σ(−z) = ln σ(z) − z.
 */
function decimalLnSigmas(D: DecimalConstructor, z: Decimal): { readonly lnSigma: Decimal; readonly lnComplement: Decimal } {
  const L = decimalLog1p(D)(decimalExp(D)(z.abs().neg()));
  return z.isNeg() ? { lnSigma: z.minus(L), lnComplement: L.neg() } : { lnSigma: L.neg(), lnComplement: L.neg().minus(z) };
}

/** The squared errors: per unit k·(a − y)² with k = 1 or ½; dC/da = 2k(a − y). */
function squaredError(name: Cost, k: 1 | 0.5, formula: string): CostEntry {
  return {
    name,
    formula,
    targets: "real",
    absoluteNoise: 0,
    value: (_z, a, y) => k * a.reduce((sum, ai, i) => sum + (ai - y[i]!) ** 2, 0),
    delta: (output, z, a, y, w) => backwardLayer(output, z, a, a.map((ai, i) => 2 * k * w * (ai - y[i]!))),
    exactValue: (D, _z, a, y) => a.reduce((sum, ai, i) => sum.plus(ai.minus(y[i]!).pow(2)), new D(0)).times(k),
    exactGradient: (_D, _z, a, y) => a.map((ai, i) => ai.minus(y[i]!).times(2 * k)),
    // (a − y)² carries 2|a − y|·E(a − y) + u·E(a − y)²: the second-order term matters when a − y cancels to rounding level
    scales: ({ a, y, Ea, Ey, w, u }) => {
      let Ecost = 0;
      const g: number[] = [], Eg: number[] = [];
      a.forEach((ai, i) => {
        const e = ai - y[i]!;
        const Ediff = Ea[i]! + Ey[i]! + Math.abs(e);
        Ecost += k * w * productE(e, Ediff, e, Ediff, u);
        g.push(2 * k * w * e);
        Eg.push(2 * k * w * Ediff + 2 * Math.abs(2 * k * w * e));
      });
      return { Ecost, chain: { g, Eg } };
    },
  };
}

export const COST_TABLE: Readonly<Record<Cost, CostEntry>> = {
  squared_error: squaredError("squared_error", 1, "c = Σ_k (a_k − y_k)², dc/da = 2(a − y) (the seed's C = (A2 − Y)²)"),
  half_squared_error: squaredError("half_squared_error", 0.5, "c = ½ Σ_k (a_k − y_k)², dc/da = a − y (Nielsen, scikit-learn)"),
  binary_cross_entropy: {
    name: "binary_cross_entropy",
    formula: "c = −Σ_k [y_k ln a_k + (1 − y_k) ln(1 − a_k)] on a logistic output, targets in [0, 1]; dc/da = (a − y)/(a(1 − a)), so δ = a − y",
    output: "logistic",
    targets: "unit-interval",
    absoluteNoise: 1,
    // −[y ln σ(z) + (1 − y) ln σ(−z)] = max(z, 0) − y·z + ln(1 + e^−|z|): log-sigmoid, finite for every z
    value: (z, _a, y) => z.reduce((sum, zi, i) => sum + Math.max(zi, 0) - y[i]! * zi + Math.log1p(Math.exp(-Math.abs(zi))), 0),
    // dc/dz = σ(z) − y: the chain rule's (a − y)/(a(1 − a)) · a(1 − a), formed without dividing by a(1 − a)
    delta: (_output, _z, a, y, w) => a.map((ai, i) => w * (ai - y[i]!)),
    exactValue: (D, z, _a, y) => z.reduce((sum, zi, i) => {
      const { lnSigma, lnComplement } = decimalLnSigmas(D, zi);
      return sum.minus(y[i]!.times(lnSigma).plus(new D(1).minus(y[i]!).times(lnComplement)));
    }, new D(0)),
    // dc/da = −y/a + (1 − y)/(1 − a), with 1 − a = σ(−z) so that no digit cancels when a ≈ 1
    exactGradient: (D, z, a, y) => a.map((ai, i) => new D(1).minus(y[i]!).div(logisticEntry.exact(D, z[i]!.neg()).value).minus(y[i]!.div(ai))),
    scales: ({ z, a, y, Ez, Ea, Ey, w, u, tiny }) => {
      let Ecost = 0, valid = true;
      const g: number[] = [], Eg: number[] = [], fused: number[] = [];
      a.forEach((ai, i) => {
        const zi = z[i]!, yi = y[i]!, c = logistic64(-zi); // c = 1 − a, accurately
        // the stable form max(z, 0) − y·z + ln(1 + t): its terms' roundings, the 1 + t rounding (u, absolutely), z's error
        const stable = Math.abs(ai - yi) * Ez[i]! + 3 * (Math.max(zi, 0) + Math.abs(yi * zi)) + T * Math.log1p(Math.exp(-Math.abs(zi))) + 1 + Math.abs(zi) * Ey[i]!;
        // the textbook form −[y ln a + (1 − y) ln(1 − a)] from the computed a
        const Ec = Ea[i]! + c; // 1 − a: a's error and the subtraction's rounding
        const aValid = yi === 0 || (ai >= tiny && u * Ea[i]! <= NAIVE_VALIDITY * ai);
        const cValid = yi === 1 || (c >= tiny && u * Ec <= NAIVE_VALIDITY * c);
        let textbook = 0;
        if (aValid && cValid) {
          if (yi !== 0) textbook += yi * (Ea[i]! / ai + 3 * Math.abs(Math.log(ai)));
          if (yi !== 1) textbook += (1 - yi) * (Ec / c + 3 * Math.abs(Math.log(c)));
          textbook += Math.abs(zi) * Ey[i]!;
          // a term whose weight y or 1 − y is 0 is not computed at all (its divisor may be 0)
          const fromA = yi === 0 ? 0 : yi / ai, fromC = yi === 1 ? 0 : (1 - yi) / c;
          const gi = fromC - fromA;
          const EfromA = yi === 0 ? 0 : yi * (Ea[i]! / ai / ai + 1 / ai) + Ey[i]! / ai;
          const EfromC = yi === 1 ? 0 : (1 - yi) * (Ec / c / c + 1 / c) + Ey[i]! / c;
          g.push(w * gi);
          Eg.push(w * (EfromA + EfromC + Math.abs(gi)) + Math.abs(w * gi));
        } else valid = false;
        Ecost += w * Math.max(stable, textbook);
        const delta = w * (ai - yi);
        fused.push(w * (Ea[i]! + Ey[i]! + Math.abs(ai - yi)) + Math.abs(delta));
      });
      return { Ecost, fused, ...(valid && allFinite(Eg) ? { chain: { g, Eg } } : {}) };
    },
  },
  cross_entropy: {
    name: "cross_entropy",
    formula: "c = −Σ_k y_k ln a_k on a softmax output, targets a probability vector (one-hot, commonly); through the softmax Jacobian δ = a·Σy − y = a − y",
    output: "softmax",
    targets: "probability",
    absoluteNoise: 1,
    // −Σ y_k ln a_k with ln a_k = z_k − lse(z) (log-softmax, m = max z subtracted inside lse)
    value: (z, _a, y) => {
      const lse = logSumExp(z);
      return z.reduce((sum, zi, k) => sum + (y[k] === 0 ? 0 : y[k]! * (lse - zi)), 0);
    },
    // dc/dz_i = a_i·Σy − y_i: the softmax Jacobian applied to dc/da = −y/a, formed without dividing by a
    delta: (_output, _z, a, y, w) => {
      const sy = y.reduce((s, yk) => s + yk, 0);
      return a.map((ai, i) => w * (ai * sy - y[i]!));
    },
    exactValue: (D, z, _a, y) => {
      const lnA = decimalLogSoftmax(D, z);
      return lnA.reduce((sum, l, k) => (y[k]!.isZero() ? sum : sum.minus(y[k]!.times(l))), new D(0));
    },
    exactGradient: (D, _z, a, y) => a.map((ak, k) => (y[k]!.isZero() ? new D(0) : y[k]!.div(ak).neg())),
    scales: ({ z, a, y, Ez, Ea, Ey, w, u, tiny }) => {
      const K = z.length;
      const m = Math.max(...z);
      const s = z.reduce((acc, zj) => acc + Math.exp(zj - m), 0);
      const lse = m + Math.log(s);
      const Else = a.reduce((acc, aj, j) => acc + aj * (Ez[j]! + Math.abs(z[j]! - m) + T), 0) + Math.abs(lse) + K + Math.abs(Math.log(s));
      let stable = 0, textbook = 0, valid = true, sy = 0, Esy = 0;
      const g: number[] = [], Eg: number[] = [];
      a.forEach((ak, k) => {
        const yk = y[k]!;
        sy += yk;
        Esy += Ey[k]! + K * Math.abs(yk);
        const lnA = z[k]! - lse;
        stable += yk * (Else + Ez[k]! + (K + 2) * Math.abs(lnA)) + Math.abs(lnA) * Ey[k]!;
        if (yk === 0) {
          g.push(0);
          Eg.push(0);
          return;
        }
        if (!(ak >= tiny && u * Ea[k]! <= NAIVE_VALIDITY * ak)) {
          valid = false;
          return;
        }
        textbook += yk * (Ea[k]! / ak + (K + 2) * Math.abs(Math.log(ak))) + Math.abs(Math.log(ak)) * Ey[k]!;
        g.push(-w * yk / ak);
        Eg.push(w * (yk * (Ea[k]! / ak / ak + 1 / ak) + Ey[k]! / ak) + Math.abs(w * yk / ak));
      });
      const fused = a.map((ai, i) => w * (Ea[i]! * sy + ai * Esy + Ey[i]! + Math.abs(ai * sy - y[i]!) + (ai * Math.abs(sy - 1)) / u) + Math.abs(w * (ai * sy - y[i]!)));
      return { Ecost: w * Math.max(stable, valid ? textbook : 0), fused, ...(valid && allFinite(Eg) ? { chain: { g, Eg } } : {}) };
    },
  },
};

/** Whether every bound is finite: a textbook path whose own bound overflows float64 is not one a correct implementation takes. */
const allFinite = (xs: readonly number[]): boolean => xs.every(Number.isFinite);

/** ln Σ_j e^{z_j} in float64, with m = max z subtracted inside: finite for every finite z. */
export function logSumExp(z: Vector): number {
  let m = -Infinity;
  for (const zj of z) m = Math.max(m, zj);
  return m + Math.log(z.reduce((acc, zj) => acc + Math.exp(zj - m), 0));
}

/**
 * ln softmax(z)_k = (z_k − m) − ln Σ_j e^(z_j − m) in decimal, the last term as ln(1 + Σ_{j ≠ argmax} e^(z_j − m))
 * so that ln a_k keeps its relative precision when a_k ≈ 1.
 */
export function decimalLogSoftmax(D: DecimalConstructor, z: readonly Decimal[]): Decimal[] {
  const exp = decimalExp(D);
  let top = 0;
  z.forEach((zj, j) => { if (zj.gt(z[top]!)) top = j; });
  const m = z[top]!;
  const rest = z.reduce((acc, zj, j) => (j === top ? acc : acc.plus(exp(zj.minus(m)))), new D(0));
  const lnS = decimalLog1p(D)(rest);
  return z.map((zj) => zj.minus(m).minus(lnS));
}

/** The entry of cost `name`. */
export function costEntry(name: Cost): CostEntry {
  return COST_TABLE[name];
}

/** The weight w of each sample's cost in the batch cost C = w·Σ_s c_s: 1/n (mean), 1 (sum), 1/(n·K) (mean_all). */
export function reductionWeight(reduction: Reduction | undefined, n: number, outputs: number): number {
  return reduction === "sum" ? 1 : reduction === "mean_all" ? 1 / (n * outputs) : 1 / n;
}

/** The same weight exactly, in decimal. */
export function exactReductionWeight(D: DecimalConstructor, reduction: Reduction | undefined, n: number, outputs: number): Decimal {
  return reduction === "sum" ? new D(1) : new D(1).div(reduction === "mean_all" ? n * outputs : n);
}

/** "the mean over the 4 samples", "the sum over the samples", "the mean over the 4 samples and 3 outputs": for messages. */
export function describeReduction(reduction: Reduction | undefined, n: number, outputs: number): string {
  if (reduction === "sum") return `the sum over the ${n} sample${n === 1 ? "" : "s"}`;
  if (reduction === "mean_all") return `the mean over the ${n} sample${n === 1 ? "" : "s"} and ${outputs} output${outputs === 1 ? "" : "s"}`;
  return `the mean over the ${n} sample${n === 1 ? "" : "s"}`;
}
