/**
 * A second, independent optimizer update for tests, written from the textbook formulas rather than PyTorch's order:
 * m̂ and v̂ formed explicitly, β^t by repeated multiplication, √v̂ + ε, every arithmetic result passed through `r`
 * (Math.fround to simulate float32). `withTextbookOptimizers` gives an implementation its step and train.
 */
import type { Implementation, Optimizer, OptimizerState, StepRequest, TrainRequest } from "../../src/implementation.ts";
import type { Params } from "../../src/network/types.ts";

type Round = (x: number) => number;

const zip = (p: Params, f: (x: number, k: number) => number): Params => {
  let k = 0;
  return p.map(({ W, b }) => ({ W: W.map((row) => row.map((x) => f(x, k++))), b: b.map((x) => f(x, k++)) }));
};
const flat = (p: Params): number[] => p.flatMap(({ W, b }) => [...W.flat(), ...b]);

/** One update in arithmetic `r`; the state's entries are rounded on the way in. */
export function textbookUpdate(r: Round, o: Optimizer, L0: number, params0: Params, grads: Params, state: OptimizerState | null | undefined): { params: Params; state: OptimizerState } {
  const params = zip(params0, r), g = flat(grads), L = r(L0);
  if (o.name === "sgd") {
    const mu = r(o.momentum), lambda = r(o.weightDecay), c = r(1 - r(o.dampening));
    const B0 = state != null && "momentumBuffer" in state && state.momentumBuffer !== null ? flat(state.momentumBuffer).map(r) : null;
    const B: number[] = [];
    const next = zip(params, (th, k) => {
      let d = r(g[k]! + r(lambda * th));
      if (mu !== 0) {
        B[k] = B0 === null ? d : r(r(mu * B0[k]!) + r(c * d));
        d = o.nesterov ? r(d + r(mu * B[k]!)) : B[k]!;
      }
      return r(th - r(L * d));
    });
    return { params: next, state: { momentumBuffer: mu === 0 ? null : zip(params, (_, k) => B[k]!) } };
  }
  const b1 = r(o.beta1), b2 = r(o.beta2), eps = r(o.epsilon), lambda = r(o.weightDecay);
  const s = state != null && "step" in state ? state : undefined;
  const t = (s?.step ?? 0) + 1;
  const m0 = s ? flat(s.m).map(r) : g.map(() => 0), v0 = s ? flat(s.v).map(r) : g.map(() => 0);
  let p1 = 1, p2 = 1;
  for (let i = 0; i < t; i++) { p1 = r(p1 * b1); p2 = r(p2 * b2); }
  const c1 = r(1 - p1), c2 = r(1 - p2);
  const m: number[] = [], v: number[] = [];
  const next = zip(params, (th0, k) => {
    const th = o.name === "adamw" ? r(th0 * r(1 - r(L * lambda))) : th0;
    const gk = o.name === "adam" ? r(g[k]! + r(lambda * th0)) : g[k]!;
    m[k] = r(r(b1 * m0[k]!) + r(r(1 - b1) * gk));
    v[k] = r(r(b2 * v0[k]!) + r(r(1 - b2) * r(gk * gk)));
    const mHat = r(m[k]! / c1), vHat = r(v[k]! / c2);
    return r(th - r(r(L * mHat) / r(r(Math.sqrt(vHat)) + eps)));
  });
  return { params: next, state: { step: t, m: zip(params, (_, k) => m[k]!), v: zip(params, (_, k) => v[k]!) } };
}

/** `impl` with step and train answering requests with an optimizer by its own gradients and `textbookUpdate`. */
export function withTextbookOptimizers(impl: Implementation, r: Round): Implementation {
  const step = async (q: StepRequest) => {
    if (q.optimizer === undefined) return impl.step(q);
    const { grads, cost } = await impl.gradients(q);
    return { ...textbookUpdate(r, q.optimizer, q.learningRate, q.params, grads, q.state), cost };
  };
  return {
    ...impl,
    hello: async () => ({ ...(await impl.hello()), optimizers: ["sgd", "adam", "adamw"] }),
    step: async (q) => {
      const { params, state } = await step(q) as { params: Params; state?: OptimizerState };
      return state === undefined ? { params } : { params, state };
    },
    train: async (q: TrainRequest) => {
      if (q.optimizer === undefined) return impl.train(q);
      let params = q.params, state = q.state;
      const costs: number[] = [];
      for (const s of q.order) {
        const next = await step({ ...q, params, state, inputs: [q.inputs[s]!], targets: [q.targets[s]!] }) as { params: Params; state: OptimizerState; cost: number };
        ({ params, state } = next);
        costs.push(next.cost);
      }
      return { params, costs, state: state! };
    },
  };
}
