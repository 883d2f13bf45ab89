/**
 * Rounding scales of one optimizer update, entry by entry (θ and each state entry), one table entry per optimizer:
 * a first-order bound E (in units of u) on |computed − exact| for any correct implementation, from the operands'
 * own E (θ, g — the gradient's, carried from gradientScales — and the state before) plus one rounding per operation
 * (|result| each). The rules, with Ex = E(x), h(x) = |x| when hyper-parameters reach the implementation rounded:
 *   product and sum:  E(xy) = |x|Ey + Ex|y| + |xy|,  E(x + y) = Ex + Ey + |x + y|;
 *   division:         E(x/y) = (Ex + |x/y|·Ey)/|y| + |x/y| — Adam's r = m̂/(√v̂ + ε) amplifies E(m̂) and E(√v̂) by
 *                     1/(√v̂ + ε): the relative errors of m̂ and of the denominator add;
 *   square root:      E(√x) = min(Ex/(2√x), √(Ex/u)) + |√x| — half the relative error of v̂ where v̂ is large, and
 *                     √(u·Ex) absolutely where v̂ is tiny or 0 (the root of an underflow is not small relatively);
 *   β^t:              t + 4 roundings (powering or a library pow) and t times β's own relative error;
 *   g² and v:         plus the dtype's smallest normal, for an underflow of a tiny g² (float32 especially).
 * Slack for PyTorch's association (L/(1 − β1^t) first, √v/√(1 − β2^t)) is two roundings more on √v̂ and r.
 */
import type { Optimizer, OptimizerName } from "../implementation.ts";
import { productE } from "./gradientScales.ts";
import { DTYPES, type Dtype } from "./tolerance.ts";

/** One update's inputs, flattened (every W then b, layer by layer): exact values as float64 with their scales. */
export interface OptimizerScaleInputs {
  readonly optimizer: Optimizer;
  readonly learningRate: number;
  /** E of the learning rate (|L| when it reaches the implementation rounded, else 0). */
  readonly EL: number;
  /** Whether the hyper-parameters reach the implementation rounded (float32, say). */
  readonly roundedInputs: boolean;
  readonly dtype: Dtype;
  /** Adam's steps taken before this one. */
  readonly step: number;
  readonly theta: readonly number[];
  readonly Etheta: readonly number[];
  readonly g: readonly number[];
  readonly Eg: readonly number[];
  /** The state before (null: none yet — fresh); for adam, m and v null mean zeros. */
  readonly buffer: readonly number[] | null;
  readonly Ebuffer: readonly number[] | null;
  readonly m: readonly number[] | null;
  readonly Em: readonly number[] | null;
  readonly v: readonly number[] | null;
  readonly Ev: readonly number[] | null;
}

/** The scales after the update: θ′ and the new state's entries (null where the optimizer keeps none). */
export interface OptimizerScales {
  readonly theta: number[];
  readonly buffer: number[] | null;
  readonly m: number[] | null;
  readonly v: number[] | null;
}

type ScaleRule = (s: OptimizerScaleInputs) => OptimizerScales;

const at = (xs: readonly number[] | null, k: number): number => (xs === null ? 0 : xs[k]!);

/** E of x/y, both with their scales (y ≠ 0). */
const quotientE = (x: number, Ex: number, y: number, Ey: number): number => {
  const q = Math.abs(x / y);
  return (Ex + (q === 0 ? 0 : q * Ey)) / Math.abs(y) + q;
};

/** E of √x from E(x): half the relative error where x is large, √(E·u)/u where x is tiny (see the module comment). */
const sqrtE = (x: number, Ex: number, u: number): number => {
  const r = Math.sqrt(Math.max(x, 0));
  const absolute = Math.sqrt(Ex / u);
  return (r === 0 ? absolute : Math.min(Ex / (2 * r), absolute)) + r;
};

/** E of g + λθ (coupled weight decay), or of g itself when λ = 0. */
const decayedE = (lambda: number, Elambda: number, theta: number, Etheta: number, g: number, Eg: number, u: number): number =>
  lambda === 0 ? Eg : Eg + productE(lambda, Elambda, theta, Etheta, u) + Math.abs(lambda * theta) + Math.abs(g + lambda * theta);

/** E of θ − L·x. */
const descentE = (s: OptimizerScaleInputs, theta: number, Etheta: number, x: number, Ex: number, u: number): number =>
  Etheta + productE(s.learningRate, s.EL, x, Ex, u) + Math.abs(s.learningRate * x) + Math.abs(theta - s.learningRate * x);

const sgdScales: ScaleRule = (s) => {
  if (s.optimizer.name !== "sgd") throw new Error("sgd scales for a non-sgd optimizer");
  const { u } = DTYPES[s.dtype];
  const h = (x: number) => (s.roundedInputs ? Math.abs(x) : 0);
  const { momentum: mu, dampening: d, nesterov, weightDecay: lambda } = s.optimizer;
  const c = 1 - d, Ec = h(d) + Math.abs(c);
  const theta: number[] = [], buffer: number[] = [];
  s.theta.forEach((th, k) => {
    const gd = s.g[k]! + lambda * th;
    const Egd = decayedE(lambda, h(lambda), th, s.Etheta[k]!, s.g[k]!, s.Eg[k]!, u);
    let x = gd, Ex = Egd;
    if (mu !== 0) {
      const B = s.buffer === null ? gd : mu * s.buffer[k]! + c * gd;
      const EB = s.buffer === null ? Egd
        : productE(mu, h(mu), s.buffer[k]!, at(s.Ebuffer, k), u) + Math.abs(mu * s.buffer[k]!) + productE(c, Ec, gd, Egd, u) + Math.abs(c * gd) + Math.abs(B);
      buffer.push(EB);
      x = nesterov ? gd + mu * B : B;
      Ex = nesterov ? Egd + productE(mu, h(mu), B, EB, u) + Math.abs(mu * B) + Math.abs(x) : EB;
    }
    theta.push(descentE(s, th, s.Etheta[k]!, x, Ex, u));
  });
  return { theta, buffer: mu === 0 ? null : buffer, m: null, v: null };
};

const adamScales = (decoupled: boolean): ScaleRule => (s) => {
  if (s.optimizer.name === "sgd") throw new Error("adam scales for an sgd optimizer");
  const { u, minNormal: tiny } = DTYPES[s.dtype];
  const h = (x: number) => (s.roundedInputs ? Math.abs(x) : 0);
  const { beta1, beta2, epsilon, weightDecay: lambda } = s.optimizer;
  const L = s.learningRate, t = s.step + 1;
  // β^t by powering: t + 4 roundings and t times β's own relative error; c = 1 − β^t
  const power = (beta: number) => ({ c: 1 - beta ** t, Ec: beta === 0 ? 0 : beta ** t * (t * (h(beta) / beta + 1) + 4) + Math.abs(1 - beta ** t) });
  const c1 = power(beta1), c2 = power(beta2);
  const q = 1 - L * lambda, Eq = productE(L, s.EL, lambda, h(lambda), u) + Math.abs(L * lambda) + Math.abs(q);
  const theta: number[] = [], m: number[] = [], v: number[] = [];
  s.theta.forEach((th0, k) => {
    const th = decoupled ? th0 * q : th0;
    const Eth = decoupled ? productE(th0, s.Etheta[k]!, q, Eq, u) + Math.abs(th) : s.Etheta[k]!;
    const gd = decoupled ? s.g[k]! : s.g[k]! + lambda * th0;
    const Egd = decoupled ? s.Eg[k]! : decayedE(lambda, h(lambda), th0, s.Etheta[k]!, s.g[k]!, s.Eg[k]!, u);
    const m0 = at(s.m, k), v0 = at(s.v, k);
    const mk = beta1 * m0 + (1 - beta1) * gd;
    const Emk = productE(beta1, h(beta1), m0, at(s.Em, k), u) + Math.abs(beta1 * m0)
      + productE(1 - beta1, h(beta1) + Math.abs(1 - beta1), gd, Egd, u) + Math.abs((1 - beta1) * gd) + Math.abs(mk);
    const g2 = gd * gd, Eg2 = 2 * Math.abs(gd) * Egd + u * Egd * Egd + g2 + tiny;
    const vk = beta2 * v0 + (1 - beta2) * g2;
    const Evk = productE(beta2, h(beta2), v0, at(s.Ev, k), u) + Math.abs(beta2 * v0)
      + productE(1 - beta2, h(beta2) + Math.abs(1 - beta2), g2, Eg2, u) + Math.abs((1 - beta2) * g2) + vk + tiny;
    const mHat = mk / c1.c, EmHat = quotientE(mk, Emk, c1.c, c1.Ec);
    const vHat = vk / c2.c, EvHat = quotientE(vk, Evk, c2.c, c2.Ec);
    const root = Math.sqrt(vHat), Eroot = sqrtE(vHat, EvHat, u) + 2 * root;
    const den = root + epsilon, Eden = Eroot + h(epsilon) + den;
    const r = mHat / den, Er = quotientE(mHat, EmHat, den, Eden) + 2 * Math.abs(r);
    theta.push(descentE({ ...s, learningRate: L }, th, Eth, r, Er, u));
    m.push(Emk);
    v.push(Evk);
  });
  return { theta, buffer: null, m, v };
};

/** The scale rules, by optimizer name (the same table shape as the oracle's and the reference's rules). */
const SCALE_RULES: Readonly<Record<OptimizerName, ScaleRule>> = { sgd: sgdScales, adam: adamScales(false), adamw: adamScales(true) };

/** The rounding scales of one update of `s.optimizer` (see the module comment). */
export function optimizerScales(s: OptimizerScaleInputs): OptimizerScales {
  return SCALE_RULES[s.optimizer.name](s);
}
