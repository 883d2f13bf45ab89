/**
 * The reference with one classic optimizer bug, for the optimizer checks' own tests: Adam without bias correction,
 * ε inside the square root, the correction's t not incremented before use, momentum taken before the new gradient,
 * weight decay added after the momentum update, AdamW's decay coupled, a train that restarts the state every step, a
 * step that answers the state it was given.
 */
import type { Implementation, Optimizer, OptimizerState } from "../../src/implementation.ts";
import type { Params } from "../../src/network/types.ts";
import { gradients } from "../../src/reference/gradients.ts";
import { reference } from "../../src/reference/index.ts";

export const OPTIMIZER_BUGS = ["no-bias-correction", "eps-inside-sqrt", "t-from-0", "momentum-before-gradient", "wd-after-momentum", "adamw-coupled", "state-not-carried", "state-passthrough"] as const;
export type OptimizerBug = (typeof OPTIMIZER_BUGS)[number];

/** The reference with `bug` in its optimizer updates. */
export function optimizerMutant(bug: OptimizerBug): Implementation {
const flat = (p: Params) => p.flatMap(({ W, b }) => [...W.flat(), ...b]);
const shape = (t: Params, xs: number[]) => { let k = 0; return t.map(({ W, b }) => ({ W: W.map((r) => r.map(() => xs[k++]!)), b: b.map(() => xs[k++]!) })); };
  function update(o0: Optimizer, L: number, p: Params, gr: Params, state: OptimizerState | null | undefined) {
  const o: any = o0; const th = flat(p), g = flat(gr);
  if (o.name === "sgd") {
    const B0 = state && "momentumBuffer" in state && state.momentumBuffer ? flat(state.momentumBuffer) : null;
    const B: number[] = [];
    const next = th.map((t, k) => {
      let d = bug === "wd-after-momentum" ? g[k]! : g[k]! + o.weightDecay * t;
      if (o.momentum !== 0) {
        if (bug === "momentum-before-gradient") { const old = B0 ? B0[k]! : 0; B[k] = B0 === null ? d : o.momentum * B0[k]! + (1 - o.dampening) * d; d = o.nesterov ? d + o.momentum * old : (B0 === null ? d : old * o.momentum); }
        else { B[k] = B0 === null ? d : o.momentum * B0[k]! + (1 - o.dampening) * d; d = o.nesterov ? d + o.momentum * B[k]! : B[k]!; }
        if (bug === "wd-after-momentum") d += o.weightDecay * t;
      }
      return t - L * d;
    });
    return { params: shape(p, next), state: { momentumBuffer: o.momentum === 0 ? null : shape(p, B) } };
  }
  const s = state && "step" in state ? state : null;
  let t = (s?.step ?? 0) + 1;
  const tc = bug === "t-from-0" ? t - 1 : t;
  const m0 = s ? flat(s.m) : th.map(() => 0), v0 = s ? flat(s.v) : th.map(() => 0);
  const m: number[] = [], v: number[] = [];
  const next = th.map((x0, k) => {
    const decoupled = o.name === "adamw" && bug !== "adamw-coupled";
    const x = decoupled ? x0 * (1 - L * o.weightDecay) : x0;
    const gk = o.name === "adam" || bug === "adamw-coupled" ? g[k]! + o.weightDecay * x0 : g[k]!;
    m[k] = o.beta1 * m0[k]! + (1 - o.beta1) * gk; v[k] = o.beta2 * v0[k]! + (1 - o.beta2) * gk * gk;
    const c1 = bug === "no-bias-correction" ? 1 : 1 - o.beta1 ** tc, c2 = bug === "no-bias-correction" ? 1 : 1 - o.beta2 ** tc;
    const den = bug === "eps-inside-sqrt" ? Math.sqrt(v[k]! / c2 + o.epsilon) : Math.sqrt(v[k]! / c2) + o.epsilon;
    return x - L * (m[k]! / c1) / den;
  });
  return { params: shape(p, next), state: { step: t, m: shape(p, m), v: shape(p, v) } };
}
const stepWith = (q: any, state: any) => { const { grads, cost } = gradients(q.network, q.params, q.inputs, q.targets); return { ...update(q.optimizer, q.learningRate, q.params, grads, state), cost }; };
const impl: Implementation = {
  ...reference,
  step: async (q) => {
    if (!q.optimizer) return reference.step(q);
    const r = stepWith(q, q.state);
    return { params: r.params, state: bug === "state-passthrough" ? (q.state ?? r.state) : r.state };
  },
  train: async (q) => {
    if (!q.optimizer) return reference.train(q);
    let params = q.params, state: any = q.state; const costs: number[] = [];
    for (const s of q.order) {
      const r = stepWith({ ...q, params, inputs: [q.inputs[s]], targets: [q.targets[s]] }, bug === "state-not-carried" ? q.state : state);
      params = r.params; state = r.state; costs.push(r.cost);
    }
    return { params, costs, state };
  },
};
  return impl;
}
