/**
 * The activation family as data: one entry per activation, holding everything nncheck knows of it in one place —
 * its float64 value and derivative (the reference's), its exact decimal form (the oracle's), its rounding scales
 * (the tolerance model's), its kink (finite differences, dead-unit cases, the pinned convention) and what its audit
 * adds to the shared domain. Adding an activation is one entry here, its fixtures, and nothing else.
 *
 * Conventions pinned here: ReLU′(0) = 0; leaky ReLU has slope 0.01 below 0 and its derivative at 0 is the left one,
 * 0.01 (PyTorch's default slope); softplus(z) = ln(1 + e^z) and silu(z) = z·σ(z) are finite and accurate for every
 * finite z; softmax subtracts max z before exponentiating, so z = (1000, 0) gives (1, 0).
 */
import type { Decimal } from "decimal.js";
import { SAFETY, TRANSCENDENTAL_ROUNDINGS as T } from "../gradcheck/tolerance.ts";
import type { Activation, Vector } from "../network/types.ts";
import type { DecimalConstructor } from "../oracle/decimal.ts";
import { decimalExp, decimalLog1p } from "../oracle/elementary.ts";
import { createRng } from "../random/rng.ts";

/** What the tolerance model knows of one unit when it asks an elementwise activation for its scales (units of u). */
export interface UnitScaleInputs {
  /** The exact z, a = f(z) and f′(z), rounded to float64. */
  readonly z: number;
  readonly a: number;
  readonly d: number;
  /** E(z): the rounding scale z arrives with. */
  readonly Ez: number;
  /** The dtype's unit roundoff. */
  readonly u: number;
}

/** E(f(z)), E(f′(z)), and whether z is within its rounding of a kink (a correct implementation may take either branch). */
export interface UnitScales {
  readonly Ea: number;
  readonly Ed: number;
  readonly ambiguous: boolean;
}

/** A point where f′ jumps: the derivative nncheck pins there, and what the convention is called in messages. */
export interface Kink {
  readonly at: 0;
  /** f′ at the kink (the left derivative for leaky ReLU, 0 for ReLU). */
  readonly derivative: number;
  /** f at the kink. */
  readonly value: 0;
  /** "ReLU′(0) = 0 (the seed's d_relu = x > 0)". */
  readonly convention: string;
  /** The slopes left and right of the kink (the derivative's two branches). */
  readonly slopes: readonly [number, number];
}

/** What one activation's audit adds to the shared domain and allows beyond its ulp bound. */
export interface AuditSpec {
  /**
   * The absolute error the gradient engine itself allows an exactly-fed f or f′ at x, beyond the audit's ulp bound
   * (0: none): where a correct formula loses relative accuracy but keeps absolute accuracy, all backpropagation needs.
   */
  allowance(part: "value" | "derivative", value: number, derivative: number, u: number): number;
  /** Points beyond the shared domain worth auditing (a framework's threshold, say). */
  readonly extraPoints?: readonly number[];
}

interface EntryBase {
  readonly name: Activation;
  /** The formula and its conventions, one line, for docs and `nncheck list --long`. */
  readonly formula: string;
  /** Whether the exact form evaluates exp or ln (its input is then first rounded to precision + 10 digits). */
  readonly transcendental: boolean;
  readonly kink?: Kink;
  /** The default range of squared-error targets for a case whose output layer has this activation. */
  readonly targetRange: readonly [number, number];
}

/** An activation applied unit by unit: a = f(z), da/dz = f′(z). */
export interface ElementwiseActivation extends EntryBase {
  readonly kind: "elementwise";
  /** f(z) in float64. */
  value(z: number): number;
  /** f′(z) in float64. */
  derivative(z: number): number;
  /** f(z) and f′(z) to D's precision, for any |z|. */
  exact(D: DecimalConstructor, z: Decimal): { readonly value: Decimal; readonly derivative: Decimal };
  /** Rounding scales of f(z) and f′(z) from z's (see gradcheck/gradientScales.ts for the model). */
  scales(s: UnitScaleInputs): UnitScales;
  readonly audit: AuditSpec;
}

/** An activation of a whole layer: a = f(z) as vectors, da/dz a Jacobian (softmax). Output layer only. */
export interface VectorActivation extends EntryBase {
  readonly kind: "vector";
  /** f(z) in float64. */
  value(z: Vector): number[];
  /** J[i][j] = ∂a_i/∂z_j in float64. */
  jacobian(z: Vector): number[][];
  /** dC/dz = Jᵀ·dC/da in float64, from a = f(z) (the backward pass's vector-Jacobian product). */
  backward(a: Vector, dC_da: Vector): number[];
  /** f(z) and its Jacobian to D's precision. */
  exact(D: DecimalConstructor, z: readonly Decimal[]): { readonly value: Decimal[]; readonly jacobian: Decimal[][] };
  /** The exact vector-Jacobian product Jᵀ·g from a = f(z). */
  exactBackward(D: DecimalConstructor, a: readonly Decimal[], dC_da: readonly Decimal[]): Decimal[];
  /** E(a_i) for every unit from the exact z, a and E(z) (units of u). */
  scales(z: Vector, a: Vector, Ez: Vector, u: number): number[];
  /** E(dC/dz_i) of the product Jᵀ·g, from a, E(a), g and E(g). */
  backwardScales(a: Vector, Ea: Vector, g: Vector, Eg: Vector, u: number): number[];
  readonly audit: VectorAuditSpec;
}

/** What a layer activation's audit sends, and the absolute error it allows an entry of f or of its Jacobian. */
export interface VectorAuditSpec {
  /** The logit vectors of the audit (before any rounding to the dtype). */
  readonly vectors: readonly (readonly number[])[];
  /** The allowance for value[i] (j undefined) or Jacobian[i][j] at z with a = f(z), beyond the ulp bound. */
  allowance(z: Vector, a: Vector, i: number, j: number | undefined, u: number): number;
}

export type ActivationEntry = ElementwiseActivation | VectorActivation;

/** The slope of leaky ReLU below 0 (PyTorch's default negative_slope). */
export const LEAKY_SLOPE = 0.01;

/** σ(z) in float64 without overflow: exp only sees arguments ≤ 0. */
export function logistic64(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softmax(z) in float64: max z subtracted first, so exp never overflows and softmax(1000, 0) = (1, 0). */
export function softmax64(z: Vector): number[] {
  let m = -Infinity;
  for (const zi of z) m = Math.max(m, zi);
  const e = z.map((zi) => Math.exp(zi - m));
  const s = e.reduce((acc, x) => acc + x, 0);
  return e.map((x) => x / s);
}

/**
 * The softmax audit's logit vectors: one entry, equal logits, huge ones on either side of exp's overflow (1000, 0),
 * (−1000, −1000), (800, −800), near-ties, tiny differences, and 48 seeded moderate vectors (|z| ≤ 30) of 2–12 entries.
 */
function softmaxAuditVectors(): number[][] {
  const fixed = [
    [3], [0, 0], [5, 5, 5], [-1000, -1000], [1000, 1000, 1000], [1000, 0], [0, 1000], [-1000, 0, 1000], [800, -800],
    [1000, 999], [745, 0], [710, 0, -710], [-745, 0], [88.7, 0], [104, 0], [40, 0], [36.7, 0, -36.7], [1e-16, 0],
    [1e-300, 0, -1e-300], [30, -30], [-30, 29.5, 30], [0.5, -0.25, 2, 1],
  ];
  const rng = createRng(8128);
  const moderate = Array.from({ length: 48 }, (_, k) => Array.from({ length: 2 + (k % 11) }, () => rng.uniform(-30, 30)));
  return [...fixed, ...moderate];
}

/** σ(z) and σ(−z) = 1 − σ(z) in decimal, both with full relative precision, from t = e^−|z|. */
function decimalSigmoids(D: DecimalConstructor, z: Decimal): { sigma: Decimal; complement: Decimal; t: Decimal } {
  const t = decimalExp(D)(z.abs().neg());
  const onePlusT = t.plus(1);
  const large = new D(1).div(onePlusT), small = t.div(onePlusT);
  return z.isNeg() ? { sigma: small, complement: large, t } : { sigma: large, complement: small, t };
}

/** Second-order term of a smooth f with |f″| ≲ 1 fed z with scale Ez: u·Ez². */
const curvature = (u: number, Ez: number): number => u * Ez * Ez;

/** A kinked piecewise-linear unit (ReLU, leaky ReLU): within SAFETY·u·E(z) of 0 either branch is allowed. */
function piecewiseLinearScales(s: UnitScaleInputs, [left, right]: readonly [number, number]): UnitScales {
  const ambiguous = Math.abs(s.z) < SAFETY * s.u * s.Ez;
  // left·z rounds once, and a non-dyadic slope (0.01) is itself a rounding away from its float: 2|a| beyond the propagated part
  const leftE = left === 0 ? 0 : left * s.Ez + 2 * Math.abs(s.a);
  const Ea = ambiguous ? Math.max(s.Ez, leftE) : s.z > 0 ? right * s.Ez : leftE;
  const Ed = ambiguous ? Math.abs(right - left) / s.u : s.z > 0 ? 0 : left;
  return { Ea, Ed, ambiguous };
}

const noAllowance: AuditSpec = { allowance: () => 0 };

/** σ′ = σ(1 − σ) and tanh′ = 1 − tanh² err by ~u·f² however small f′ is: the engine allows SAFETY·T·u·(|f′| + f²). */
const squareAllowance: AuditSpec = {
  allowance: (part, value, derivative, u) => (part === "value" ? 0 : SAFETY * T * u * (Math.abs(derivative) + value * value)),
};

export const ACTIVATION_TABLE: Readonly<Record<Activation, ActivationEntry>> = {
  relu: {
    kind: "elementwise",
    name: "relu",
    formula: "relu(z) = max(z, 0); relu′(z) = 1 for z > 0, else 0, so relu′(0) = 0",
    transcendental: false,
    kink: { at: 0, value: 0, derivative: 0, convention: "ReLU′(0) = 0 (the seed's d_relu = x > 0)", slopes: [0, 1] },
    targetRange: [0, 2],
    value: (z) => (z > 0 ? z : 0), // written so that relu(−0) = 0
    derivative: (z) => (z > 0 ? 1 : 0),
    exact: (D, z) => (z.gt(0) ? { value: z, derivative: new D(1) } : { value: new D(0), derivative: new D(0) }),
    scales: (s) => piecewiseLinearScales(s, [0, 1]),
    audit: noAllowance,
  },
  logistic: {
    kind: "elementwise",
    name: "logistic",
    formula: "σ(z) = 1/(1 + e^−z); σ′(z) = σ(z)(1 − σ(z)) = t/(1 + t)² with t = e^−|z|",
    transcendental: true,
    targetRange: [0, 1],
    value: logistic64,
    // σ′(z) = e/(1 + e)² with e = e^−|z| ≤ 1: no overflow, no cancellation
    derivative: (z) => {
      const e = Math.exp(-Math.abs(z));
      return e / ((1 + e) * (1 + e));
    },
    exact: (D, z) => {
      const { sigma, t } = decimalSigmoids(D, z);
      const onePlusT = t.plus(1);
      return { value: sigma, derivative: t.div(onePlusT.times(onePlusT)) };
    },
    // σ″ = σ′(1 − 2σ); σ′ formed as σ(1 − σ) errs by ~u·σ² absolutely, so that is allowed
    scales: ({ a, d, Ez, u }) => ({
      Ea: Math.min(d * Ez + curvature(u, Ez) + T * a, 1 / u),
      Ed: Math.min(Math.abs(d * (1 - 2 * a)) * Ez + curvature(u, Ez) + T * (d + a * a), 0.25 / u),
      ambiguous: false,
    }),
    audit: squareAllowance,
  },
  tanh: {
    kind: "elementwise",
    name: "tanh",
    formula: "tanh(z); tanh′(z) = 1 − tanh²(z) = 4t/(1 + t)² with t = e^−2|z|",
    transcendental: true,
    targetRange: [-1, 1],
    value: (z) => Math.tanh(z),
    // tanh′(z) = 4t/(1 + t)² with t = e^−2|z|: accurate where 1 − tanh² cancels to 0
    derivative: (z) => {
      const t = Math.exp(-2 * Math.abs(z));
      return (4 * t) / ((1 + t) * (1 + t));
    },
    exact: (D, z) => {
      // tanh|z| = (1 − t)/(1 + t) with t = e^−2|z|; below |z| = 1/8 the difference 1 − t would cancel, so
      // decimal.js's series takes over there (one digit lost at most above it)
      const t = decimalExp(D)(z.abs().times(-2));
      const onePlusT = t.plus(1);
      const value = z.abs().lt(0.125) ? z.tanh() : new D(1).minus(t).div(onePlusT).times(z.isNeg() ? -1 : 1);
      return { value, derivative: t.times(4).div(onePlusT.times(onePlusT)) };
    },
    // tanh″ = −2·tanh·tanh′; tanh′ formed as 1 − tanh² errs by ~u·tanh² absolutely
    scales: ({ a, d, Ez, u }) => ({
      Ea: Math.min(d * Ez + curvature(u, Ez) + T * Math.abs(a), 2 / u),
      Ed: Math.min(2 * Math.abs(a) * d * Ez + curvature(u, Ez) + T * (d + a * a), 1 / u),
      ambiguous: false,
    }),
    audit: squareAllowance,
  },
  identity: {
    kind: "elementwise",
    name: "identity",
    formula: "identity(z) = z; identity′(z) = 1",
    transcendental: false,
    targetRange: [-2, 2],
    value: (z) => z,
    derivative: () => 1,
    exact: (D, z) => ({ value: z, derivative: new D(1) }),
    scales: ({ Ez }) => ({ Ea: Ez, Ed: 0, ambiguous: false }),
    audit: noAllowance,
  },
  leaky_relu: {
    kind: "elementwise",
    name: "leaky_relu",
    formula: `leaky_relu(z) = z for z > 0, else ${LEAKY_SLOPE}·z; its derivative is 1 for z > 0, else ${LEAKY_SLOPE}, so leaky_relu′(0) = ${LEAKY_SLOPE} (the left one)`,
    transcendental: false,
    kink: { at: 0, value: 0, derivative: LEAKY_SLOPE, convention: `leaky_relu′(0) = ${LEAKY_SLOPE} (the left derivative, as PyTorch)`, slopes: [LEAKY_SLOPE, 1] },
    targetRange: [-1, 2],
    value: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    // the slope is exactly 0.01 (decimal), not its nearest float64
    exact: (D, z) => (z.gt(0) ? { value: z, derivative: new D(1) } : { value: z.times("0.01"), derivative: new D("0.01") }),
    scales: (s) => piecewiseLinearScales(s, [LEAKY_SLOPE, 1]),
    audit: noAllowance,
  },
  softplus: {
    kind: "elementwise",
    name: "softplus",
    formula: "softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|) (softplus(800) = 800); softplus′(z) = σ(z)",
    transcendental: true,
    targetRange: [0, 2],
    value: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
    derivative: logistic64,
    exact: (D, z) => {
      // one e^−|z| for both: ln(1 + t) and σ(z) from the same t
      const { sigma, t } = decimalSigmoids(D, z);
      return { value: (z.isPos() ? z : new D(0)).plus(decimalLog1p(D)(t)), derivative: sigma };
    },
    // softplus″ = σ′ ≤ ¼. ln(1 + t) without log1p rounds 1 + t first: an absolute error of u, the "+ 1" (a rounding,
    // not an approximation: PyTorch's threshold linearisation softplus(z) = z above 20 is an approximation and is not
    // covered — see the README's policy on documented approximations).
    scales: ({ a, d, Ez, u }) => ({
      Ea: d * Ez + curvature(u, Ez) + T * Math.abs(a) + 1,
      Ed: Math.min(d * (1 - d) * Ez + curvature(u, Ez) + T * d, 1 / u),
      ambiguous: false,
    }),
    audit: {
      // the rounding of 1 + e^−|z| in a ln(1 + t) without log1p: u absolutely
      allowance: (part, _value, derivative, u) => (part === "value" ? SAFETY * u : SAFETY * T * u * derivative * derivative),
      extraPoints: [19.9, 20, 20.000001, 20.1, 33.3, 36.04, 36.05],
    },
  },
  silu: {
    kind: "elementwise",
    name: "silu",
    formula: "silu(z) = z·σ(z); silu′(z) = σ(z)·(1 + z·(1 − σ(z))), 1 − σ(z) taken as σ(−z)",
    transcendental: true,
    targetRange: [-0.5, 2],
    value: (z) => z * logistic64(z),
    derivative: (z) => logistic64(z) * (1 + z * logistic64(-z)),
    exact: (D, z) => {
      const { sigma, complement } = decimalSigmoids(D, z);
      return { value: z.times(sigma), derivative: sigma.times(z.times(complement).plus(1)) };
    },
    // silu″ = σ′(z)(2 + z(1 − 2σ)), |silu″| ≤ ½. silu′ = σ + z·σ·(1 − σ) cancels near its zero (z ≈ −1.28) and, with
    // 1 − σ by subtraction, errs by ~u·|z| where σ ≈ 1: both absolute terms are charged.
    scales: ({ z, a, d, Ez, u }) => {
      const sigma = logistic64(z);
      return {
        Ea: Math.abs(d) * Ez + curvature(u, Ez) + (T + 1) * Math.abs(a),
        Ed: 0.5 * Ez + curvature(u, Ez) + T * (sigma + Math.abs(z) * sigma + Math.abs(d)),
        ambiguous: false,
      };
    },
    audit: {
      allowance: (part, value, derivative, u) => (part === "value" ? 0 : SAFETY * T * u * (Math.abs(derivative) + Math.abs(value) + 1)),
    },
  },
  softmax: {
    kind: "vector",
    name: "softmax",
    formula: "softmax(z)_i = e^(z_i − m) / Σ_j e^(z_j − m) with m = max z (softmax(1000, 0) = (1, 0)); Jacobian J_ij = a_i(δ_ij − a_j)",
    transcendental: true,
    targetRange: [0, 1],
    value: softmax64,
    // the diagonal a_i(1 − a_i) with 1 − a_i summed from the other entries, so that it keeps its digits when a_i ≈ 1
    jacobian: (z) => {
      const a = softmax64(z);
      return a.map((ai, i) => a.map((aj, j) => (i === j ? ai * a.reduce((rest, ak, k) => (k === i ? rest : rest + ak), 0) : -ai * aj)));
    },
    // dC/dz_i = Σ_k J_ki g_k = a_i (g_i − Σ_k a_k g_k)
    backward: (a, g) => {
      const s = a.reduce((acc, ak, k) => acc + ak * g[k]!, 0);
      return a.map((ai, i) => ai * (g[i]! - s));
    },
    exact: (D, z) => {
      const exp = decimalExp(D);
      const m = z.reduce((acc, zi) => (zi.gt(acc) ? zi : acc), z[0]!);
      const e = z.map((zi) => exp(zi.minus(m)));
      const s = e.reduce((acc, x) => acc.plus(x), new D(0));
      const value = e.map((x) => x.div(s));
      // the diagonal a_i(1 − a_i) with 1 − a_i = Σ_{j≠i} e_j / s summed directly, so that no digit cancels when a_i ≈ 1
      const rest = (i: number) => e.reduce((acc, x, j) => (j === i ? acc : acc.plus(x)), new D(0));
      const jacobian = value.map((ai, i) => value.map((aj, j) => (i === j ? ai.times(rest(i).div(s)) : ai.times(aj).neg())));
      return { value, jacobian };
    },
    exactBackward: (D, a, g) => {
      const s = a.reduce((acc, ak, k) => acc.plus(ak.times(g[k]!)), new D(0));
      return a.map((ai, i) => ai.times(g[i]!.minus(s)));
    },
    // a_i = e^(z_i − m)/Σ: the propagated part Σ_j |J_ij| E(z_j), then relative roundings: T for the exp, |z_i − m| for
    // the subtraction inside it, K for the sum and the division; capped at 1/u (a ∈ [0, 1]). Without subtracting the
    // max the exp sees z_i itself and the |z_i − m| term is 0: this scale covers both.
    scales: (z, a, Ez, u) => {
      const m = Math.max(...z), K = z.length;
      const maxEz = Math.max(...Ez);
      return a.map((ai, i) => {
        const propagated = ai * ((1 - ai) * Ez[i]! + a.reduce((acc, aj, j) => acc + (j === i ? 0 : aj * Ez[j]!), 0));
        return Math.min(propagated + u * maxEz * maxEz * ai + ai * (T + Math.abs(z[i]! - m) + K), 1 / u);
      });
    },
    audit: {
      vectors: softmaxAuditVectors(),
      // value: the exp of an inexact z_i − m errs by u·|z_i − m| relatively, the sum and division by K·u; the diagonal
      // a_i(1 − a_i), formed as a_i − a_i², errs by ~u·a_i absolutely however small it is
      allowance: (z, a, i, j, u) => {
        let m = -Infinity;
        for (const zk of z) m = Math.max(m, zk);
        const relative = T + Math.abs(z[i]! - m) + z.length;
        return j === undefined ? SAFETY * u * a[i]! * relative : SAFETY * u * (a[i]! * relative + (i === j ? a[i]! : a[i]! * a[j]! * relative));
      },
    },
    backwardScales: (a, Ea, g, Eg, u) => {
      const K = a.length;
      let s = 0, Es = 0;
      a.forEach((ak, k) => {
        s += ak * g[k]!;
        Es += Math.abs(ak) * Eg[k]! + Ea[k]! * Math.abs(g[k]!) + u * Ea[k]! * Eg[k]! + (K + 1) * Math.abs(ak * g[k]!);
      });
      return a.map((ai, i) => {
        const diff = g[i]! - s;
        const Ediff = Eg[i]! + Es + Math.abs(diff);
        return Math.abs(ai) * Ediff + Ea[i]! * Math.abs(diff) + u * Ea[i]! * Ediff + Math.abs(ai * diff);
      });
    },
  },
};

/** The entry of activation `name`. */
export function activationEntry(name: Activation): ActivationEntry {
  return ACTIVATION_TABLE[name];
}

/** Whether activation `name` has a kink (ReLU, leaky ReLU): where f′ jumps, cases and finite differences take care. */
export function isKinked(name: Activation): boolean {
  return ACTIVATION_TABLE[name].kink !== undefined;
}

/** The activations that act unit by unit (every one but softmax), in ACTIVATIONS order. */
export const ELEMENTWISE_ACTIVATIONS: readonly Activation[] = (Object.keys(ACTIVATION_TABLE) as Activation[]).filter((name) => ACTIVATION_TABLE[name].kind === "elementwise");

/** a = f(z) for one sample's layer in float64, whichever kind of activation. */
export function activateLayer(name: Activation, z: Vector): number[] {
  const f = ACTIVATION_TABLE[name];
  return f.kind === "vector" ? f.value(z) : z.map((zi) => f.value(zi));
}

/** dC/dz = Jᵀ·dC/da for one sample's layer in float64 (elementwise: dC/da ⊙ f′(z)). */
export function backwardLayer(name: Activation, z: Vector, a: Vector, dC_da: Vector): number[] {
  const f = ACTIVATION_TABLE[name];
  return f.kind === "vector" ? f.backward(a, dC_da) : dC_da.map((g, i) => g * f.derivative(z[i]!));
}
