/**
 * The optimizers' update rules in float64, one table entry per optimizer, evaluated in PyTorch's order
 * (torch.optim.SGD, Adam, AdamW, single-tensor path): the same maths as the oracle's src/oracle/optimizerStep.ts.
 */
import type { Optimizer, OptimizerName, OptimizerState } from "../implementation.ts";
import type { Params } from "../network/types.ts";

/** One rule on the flattened entries: θ, g and the state before (fresh: buffer/m/v null, step 0); θ and the state after. */
interface FlatState {
  readonly buffer: Float64Array | null;
  readonly step: number;
  readonly m: Float64Array | null;
  readonly v: Float64Array | null;
}
type Rule = (o: Optimizer, L: number, theta: Float64Array, g: Float64Array, s: FlatState) => FlatState;

/** sgd: g ← g + λθ; B ← g (first) or μB + (1 − d)g; g ← g + μB (Nesterov) or B; θ ← θ − L·g (θ updated in place). */
const sgdRule: Rule = (o, L, theta, g, s) => {
  if (o.name !== "sgd") throw new Error("sgd rule for a non-sgd optimizer");
  const { momentum: mu, dampening: d, nesterov, weightDecay: lambda } = o;
  const B = s.buffer;
  const buffer = mu === 0 ? null : B === null ? new Float64Array(theta.length) : Float64Array.from(B);
  for (let k = 0; k < theta.length; k++) {
    let dp = lambda === 0 ? g[k]! : g[k]! + lambda * theta[k]!;
    if (buffer !== null) {
      buffer[k] = B === null ? dp : mu * buffer[k]! + (1 - d) * dp;
      dp = nesterov ? dp + mu * buffer[k]! : buffer[k]!;
    }
    theta[k] = theta[k]! - L * dp;
  }
  return { buffer, step: 0, m: null, v: null };
};

/** adam (coupled λ) / adamw (θ ← θ(1 − Lλ) first): PyTorch's step_size = L/(1 − β1^t), denom = √v/√(1 − β2^t) + ε. */
const adamRule = (decoupled: boolean): Rule => (o, L, theta, g, s) => {
  if (o.name === "sgd") throw new Error("adam rule for an sgd optimizer");
  const { beta1, beta2, epsilon, weightDecay: lambda } = o;
  const t = s.step + 1;
  const m = s.m === null ? new Float64Array(theta.length) : Float64Array.from(s.m);
  const v = s.v === null ? new Float64Array(theta.length) : Float64Array.from(s.v);
  const stepSize = L / (1 - beta1 ** t);
  const root2 = Math.sqrt(1 - beta2 ** t);
  for (let k = 0; k < theta.length; k++) {
    if (decoupled) theta[k] = theta[k]! * (1 - L * lambda);
    const gk = !decoupled && lambda !== 0 ? g[k]! + lambda * theta[k]! : g[k]!;
    m[k] = m[k]! * beta1 + gk * (1 - beta1);
    v[k] = v[k]! * beta2 + gk * gk * (1 - beta2);
    theta[k] = theta[k]! - stepSize * (m[k]! / (Math.sqrt(v[k]!) / root2 + epsilon));
  }
  return { buffer: null, step: t, m, v };
};

const RULES: Readonly<Record<OptimizerName, Rule>> = { sgd: sgdRule, adam: adamRule(false), adamw: adamRule(true) };

const flatten = (p: Params): Float64Array => Float64Array.from(p.flatMap(({ W, b }) => [...W.flat(), ...b]));

/** `values` shaped like `template`. */
function unflatten(template: Params, values: Float64Array): Params {
  let k = 0;
  return template.map(({ W, b }) => ({ W: W.map((row) => row.map(() => values[k++]!)), b: b.map(() => values[k++]!) }));
}

/** The flat form of a wire state (absent or null: fresh). */
function flatState(optimizer: Optimizer, state: OptimizerState | null | undefined): FlatState {
  if (optimizer.name === "sgd") {
    const B = state != null && "momentumBuffer" in state ? state.momentumBuffer : null;
    return { buffer: B === null ? null : flatten(B), step: 0, m: null, v: null };
  }
  if (state == null || !("step" in state)) return { buffer: null, step: 0, m: null, v: null };
  return { buffer: null, step: state.step, m: flatten(state.m), v: flatten(state.v) };
}

/** `state` as a result states it (fresh written out: no buffer, or t = 0 with zero moments), for runs of no steps. */
export function wireState(optimizer: Optimizer, params: Params, state: OptimizerState | null | undefined): OptimizerState {
  const s = flatState(optimizer, state);
  if (optimizer.name === "sgd") return { momentumBuffer: s.buffer === null ? null : unflatten(params, s.buffer) };
  const zeros = new Float64Array(flatten(params).length);
  return { step: s.step, m: unflatten(params, s.m ?? zeros), v: unflatten(params, s.v ?? zeros) };
}

/** One optimizer update of `params` with gradients `grads` from `state` (fresh when absent); inputs are not changed. */
export function optimizerUpdate(optimizer: Optimizer, learningRate: number, params: Params, grads: Params, state: OptimizerState | null | undefined): { params: Params; state: OptimizerState } {
  const theta = flatten(params);
  const before = flatState(optimizer, state);
  const after = RULES[optimizer.name](optimizer, learningRate, theta, flatten(grads), before);
  const next = unflatten(params, theta);
  if (optimizer.name === "sgd") return { params: next, state: { momentumBuffer: after.buffer === null ? null : unflatten(params, after.buffer) } };
  return { params: next, state: { step: after.step, m: unflatten(params, after.m!), v: unflatten(params, after.v!) } };
}
