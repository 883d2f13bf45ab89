/**
 * The optimizers' update rules in decimal, one table entry per optimizer (torch.optim.SGD, Adam, AdamW as PyTorch
 * documents them; amsgrad and maximize off). Every entry θ of the parameters (weights and biases alike) is updated
 * with its gradient g and its own state; Adam's step count t is shared. Each operation is rounded once to the
 * oracle's precision (square roots included, β^t by exact integer powering), so the result is exact to ~50 digits.
 */
import type { Decimal } from "decimal.js";
import type { Optimizer, OptimizerName } from "../implementation.ts";
import { toDecimal, toDecimalParams, type DecimalConstructor, type DecimalLike, type DecimalParams } from "./decimal.ts";

/** An optimizer's state in decimal: SGD's momentum buffer (null before any), or Adam's step count and moments. */
export type DecimalOptimizerState =
  | { readonly momentumBuffer: DecimalParams | null }
  | { readonly step: number; readonly m: DecimalParams; readonly v: DecimalParams };

type ParamsOf<T> = readonly { readonly W: readonly (readonly T[])[]; readonly b: readonly T[] }[];

/** A state in any form the oracle reads (numbers at their exact value, decimal strings, Decimals); null: fresh. */
export type OptimizerStateLike =
  | { readonly momentumBuffer: ParamsOf<DecimalLike> | null }
  | { readonly step: number; readonly m: ParamsOf<DecimalLike>; readonly v: ParamsOf<DecimalLike> }
  | null
  | undefined;

/** One optimizer's rule on the flattened entries: θ, g and the state before; θ and the state after. */
interface FlatState {
  readonly buffer: readonly Decimal[] | null;
  readonly step: number;
  readonly m: readonly Decimal[] | null;
  readonly v: readonly Decimal[] | null;
}
type Rule = (D: DecimalConstructor, o: Optimizer, L: Decimal, theta: readonly Decimal[], g: readonly Decimal[], s: FlatState) => { theta: Decimal[]; state: FlatState };

/** g + λθ (coupled weight decay), or g itself when λ = 0. */
const coupled = (lambda: Decimal, theta: readonly Decimal[], g: readonly Decimal[]): readonly Decimal[] =>
  lambda.isZero() ? g : g.map((gi, k) => gi.plus(lambda.times(theta[k]!)));

/**
 * sgd: g ← g + λθ;  if μ ≠ 0: B ← g at the first step, else μ·B + (1 − d)·g, and g ← g + μ·B (Nesterov) or B;
 * θ ← θ − L·g.
 */
const sgdRule: Rule = (D, o, L, theta, g0, s) => {
  if (o.name !== "sgd") throw new Error("sgd rule for a non-sgd optimizer");
  const mu = toDecimal(D, o.momentum), oneMinusD = new D(1).minus(toDecimal(D, o.dampening));
  let g = coupled(toDecimal(D, o.weightDecay), theta, g0);
  let buffer: readonly Decimal[] | null = null;
  if (!mu.isZero()) {
    const B = s.buffer;
    const next = B === null ? g : g.map((gi, k) => mu.times(B[k]!).plus(oneMinusD.times(gi)));
    buffer = next;
    g = o.nesterov ? g.map((gi, k) => gi.plus(mu.times(next[k]!))) : next;
  }
  return { theta: theta.map((t, k) => t.minus(L.times(g[k]!))), state: { buffer, step: 0, m: null, v: null } };
};

/**
 * adam: g ← g + λθ; t ← t + 1; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t);
 * θ ← θ − L·m̂/(√v̂ + ε). adamw: θ ← θ·(1 − L·λ) first, and no decay in g.
 */
const adamRule = (decoupled: boolean): Rule => (D, o, L, theta0, g0, s) => {
  if (o.name === "sgd") throw new Error("adam rule for an sgd optimizer");
  const one = new D(1);
  const lambda = toDecimal(D, o.weightDecay), beta1 = toDecimal(D, o.beta1), beta2 = toDecimal(D, o.beta2), epsilon = toDecimal(D, o.epsilon);
  const theta = decoupled && !lambda.isZero() ? theta0.map((t) => t.times(one.minus(L.times(lambda)))) : theta0;
  const g = decoupled ? g0 : coupled(lambda, theta0, g0);
  const t = s.step + 1;
  const zero = new D(0);
  const m = g.map((gi, k) => beta1.times(s.m?.[k] ?? zero).plus(one.minus(beta1).times(gi)));
  const v = g.map((gi, k) => beta2.times(s.v?.[k] ?? zero).plus(one.minus(beta2).times(gi.times(gi))));
  const c1 = one.minus(beta1.pow(t)), c2 = one.minus(beta2.pow(t));
  const next = theta.map((th, k) => th.minus(L.times(m[k]!.div(c1)).div(v[k]!.div(c2).sqrt().plus(epsilon))));
  return { theta: next, state: { buffer: null, step: t, m, v } };
};

/** The rules, by optimizer name. */
const RULES: Readonly<Record<OptimizerName, Rule>> = { sgd: sgdRule, adam: adamRule(false), adamw: adamRule(true) };

const flatten = <T>(p: ParamsOf<T>): T[] => p.flatMap(({ W, b }) => [...W.flat(), ...b]);

/** `values` (flat, in flatten's order) shaped like `template`. */
function unflatten(template: DecimalParams, values: readonly Decimal[]): DecimalParams {
  let k = 0;
  return template.map(({ W, b }) => ({ W: W.map((row) => row.map(() => values[k++]!)), b: b.map(() => values[k++]!) }));
}

/** A state in any accepted form as decimals (null/undefined: fresh). */
export function toDecimalOptimizerState(D: DecimalConstructor, optimizer: Optimizer, state: OptimizerStateLike): DecimalOptimizerState {
  if (optimizer.name === "sgd") {
    const B = state != null && "momentumBuffer" in state ? state.momentumBuffer : null;
    return { momentumBuffer: B === null ? null : toDecimalParams(D, B) };
  }
  if (state == null || !("step" in state)) return { step: 0, m: [], v: [] };
  return { step: state.step, m: toDecimalParams(D, state.m), v: toDecimalParams(D, state.v) };
}

/** One optimizer update of `params` with gradients `grads` and the state before (fresh when null); exact to the oracle's precision. */
export function optimizerUpdate(
  D: DecimalConstructor,
  optimizer: Optimizer,
  learningRate: Decimal,
  params: DecimalParams,
  grads: DecimalParams,
  state: DecimalOptimizerState,
): { readonly params: DecimalParams; readonly state: DecimalOptimizerState } {
  const flat: FlatState = "momentumBuffer" in state
    ? { buffer: state.momentumBuffer === null ? null : flatten(state.momentumBuffer), step: 0, m: null, v: null }
    : { buffer: null, step: state.step, m: state.m.length === 0 ? null : flatten(state.m), v: state.v.length === 0 ? null : flatten(state.v) };
  const { theta, state: after } = RULES[optimizer.name](D, optimizer, learningRate, flatten(params), flatten(grads), flat);
  const shaped = (values: readonly Decimal[] | null) => unflatten(params, values ?? []);
  return {
    params: unflatten(params, theta),
    state: optimizer.name === "sgd" ? { momentumBuffer: after.buffer === null ? null : shaped(after.buffer) } : { step: after.step, m: shaped(after.m), v: shaped(after.v) },
  };
}
