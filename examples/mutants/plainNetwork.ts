/**
 * A small, plain, correct network implementation (per-sample loops, textbook backprop), and the one place where
 * each deliberate bug of the mutant catalogue lives: `plainNetwork(mutation)` is the same code with exactly one
 * line behaving differently. See README.md for what each mutant breaks and which checks catch it.
 */
import { ImplementationError, METHODS, type Implementation } from "../../src/implementation.ts";
import type { Activation, LayerParams, Matrix, NetworkSpec, Params, Vector } from "../../src/network/types.ts";

/** The catalogue's bugs, by name ("none": the correct implementation). */
export const MUTATIONS = [
  "none", "relu-derivative-at-zero", "relu-derivative-sign", "leaky-relu", "logistic-derivative-missing", "logistic-sign",
  "naive-logistic", "cost-derivative-without-2", "cost-not-squared", "transposed-w1-gradient", "bias-gradient-summed",
  "relu-mask-first-sample", "gradient-off-1e-6", "forward-drops-bias", "step-ascends", "learning-rate-default",
  "float32-declared-float64", "train-skips-last", "train-repeats-last",
] as const;
/** One bug of the catalogue, by name. */
export type Mutation = (typeof MUTATIONS)[number];

type Elementwise = "relu" | "logistic" | "tanh" | "identity";
const ACTIVATIONS: readonly Elementwise[] = ["relu", "logistic", "tanh", "identity"];

/** The plain implementation with `mutation` (default: none, i.e. correct). */
export function plainNetwork(mutation: Mutation = "none"): Implementation {
  const is = (m: Mutation) => mutation === m;
  const r = is("float32-declared-float64") ? Math.fround : (x: number) => x; // every arithmetic result goes through r

  // σ computed stably: e^z/(1 + e^z) for z < 0 never overflows; σ′ = e/(1 + e)² with e = e^−|z| never cancels
  const logistic = (z: number) => (z >= 0 ? r(1 / r(1 + r(Math.exp(-z)))) : r(r(Math.exp(z)) / r(1 + r(Math.exp(z)))));
  const f: Record<Elementwise, (z: number) => number> = {
    relu: (z) => (z > 0 ? z : is("leaky-relu") ? r(0.01 * z) : 0),
    logistic: (z) => (is("logistic-sign") ? logistic(-z) : logistic(z)),
    tanh: (z) => r(Math.tanh(z)),
    identity: (z) => z,
  };
  const df: Record<Elementwise, (z: number) => number> = {
    relu: (z) => ((is("relu-derivative-at-zero") ? z >= 0 : z > 0) ? (is("relu-derivative-sign") ? -1 : 1) : is("leaky-relu") ? 0.01 : 0),
    logistic: (z) => {
      if (is("logistic-derivative-missing")) return 1;
      if (is("naive-logistic")) return r(r(Math.exp(-z)) / r(r(1 + r(Math.exp(-z))) ** 2)); // ∞/∞ = NaN for z < −709.78
      const e = r(Math.exp(-Math.abs(z)));
      return r(e / r(r(1 + e) * r(1 + e)));
    },
    tanh: (z) => {
      const t = r(Math.exp(-2 * Math.abs(z)));
      return r(r(4 * t) / r(r(1 + t) * r(1 + t)));
    },
    identity: () => 1,
  };

  /** z_l = W_l·a_{l−1} + b_l and a_l = f_l(z_l) for one sample x. */
  function forwardOne(network: NetworkSpec, params: Params, x: Vector): { z: number[][]; a: number[][] } {
    const z: number[][] = [], a: number[][] = [];
    let prev = x.map(r);
    params.forEach(({ W, b }, l) => {
      const bias = (i: number) => (is("forward-drops-bias") && l === 0 ? 0 : r(b[i]!));
      z.push(W.map((row, i) => row.reduce((s, w, j) => r(s + r(r(w) * prev[j]!)), bias(i))));
      prev = z[l]!.map(f[network.activations[l] as Elementwise]);
      a.push(prev);
    });
    return { z, a };
  }

  /** The batch cost (1/n) Σ (a − y)² and its gradients, by backpropagation one sample at a time, then averaged. */
  function gradients(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix): { cost: number; grads: LayerParams[] } {
    const n = inputs.length;
    const passes = inputs.map((x) => forwardOne(network, params, x));
    const sumW = params.map(({ W }) => W.map((row) => row.map(() => 0)));
    const sumB = params.map(({ b }) => b.map(() => 0));
    let cost = 0;
    passes.forEach(({ z, a }, s) => {
      const errors = a.at(-1)!.map((out, o) => r(out - r(targets[s]![o]!)));
      cost = errors.reduce((c, e) => r(c + (is("cost-not-squared") ? r(2 * e) : r(e * e))), cost);
      let dC_da = errors.map((e) => (is("cost-derivative-without-2") ? e : r(2 * e))); // dC/da_L = 2(a − y), per sample
      for (let l = params.length - 1; l >= 0; l--) {
        const zMask = is("relu-mask-first-sample") ? passes[0]!.z[l]! : z[l]!;
        const delta = dC_da.map((d, i) => r(d * df[network.activations[l] as Elementwise](zMask[i]!))); // δ = dC/da ⊙ f′(z)
        const aPrev = l === 0 ? inputs[s]!.map(r) : a[l - 1]!;
        delta.forEach((d, i) => {
          sumB[l]![i] = r(sumB[l]![i]! + d);
          aPrev.forEach((ap, j) => (sumW[l]![i]![j] = r(sumW[l]![i]![j]! + r(d * ap))));
        });
        const W = params[l]!.W;
        dC_da = W[0]!.map((_, j) => W.reduce((t, row, i) => r(t + r(r(row[j]!) * delta[i]!)), 0)); // dC/da_{l−1} = Wᵀδ
      }
    });
    const grads = params.map((_, l) => ({
      W: sumW[l]!.map((row) => row.map((g) => r(g / n))),
      b: sumB[l]!.map((g) => (is("bias-gradient-summed") ? g : r(g / n))),
    }));
    if (is("transposed-w1-gradient")) grads[0] = { ...grads[0]!, W: grads[0]!.W[0]!.map((_, j) => grads[0]!.W.map((row) => row[j]!)) };
    if (is("gradient-off-1e-6")) grads[0]!.W[0]![0] = grads[0]!.W[0]![0]! * (1 + 1e-6);
    return { cost: r(cost / n), grads };
  }

  /** θ − L·∇C(θ) on the whole batch. */
  function step(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number): Params {
    const L = r(is("learning-rate-default") ? learningRate || 0.05 : learningRate);
    const { grads } = gradients(network, params, inputs, targets);
    const move = (theta: number, g: number) => (is("step-ascends") ? r(r(theta) + r(L * g)) : r(r(theta) - r(L * g)));
    return params.map(({ W, b }, l) => ({ W: W.map((row, i) => row.map((w, j) => move(w, grads[l]!.W[i]![j]!))), b: b.map((v, i) => move(v, grads[l]!.b[i]!)) }));
  }

  return {
    hello: async () => ({ protocol: 1, name: `plain-${mutation}`, language: "typescript", dtype: "float64", methods: [...METHODS], activations: [...ACTIVATIONS] }),
    forward: async ({ network, params, inputs }) => {
      const passes = inputs.map((x) => forwardOne(network, params, x));
      return { layers: params.map((_, l) => ({ z: passes.map((p) => p.z[l]!), a: passes.map((p) => p.a[l]!) })) };
    },
    gradients: async ({ network, params, inputs, targets }) => gradients(network, params, inputs, targets),
    step: async ({ network, params, inputs, targets, learningRate }) => ({ params: step(network, params, inputs, targets, learningRate) }),
    train: async ({ network, params, inputs, targets, learningRate, order }) => {
      const steps = is("train-skips-last") ? order.slice(0, -1) : is("train-repeats-last") ? [...order, order.at(-1)!] : order;
      let theta = params;
      const costs: number[] = [];
      for (const s of steps) {
        costs.push(gradients(network, theta, [inputs[s]!], [targets[s]!]).cost); // the sample's cost before its step
        theta = step(network, theta, [inputs[s]!], [targets[s]!], learningRate);
      }
      return { params: theta, costs };
    },
    activation: async ({ name, x }) => {
      if (!ACTIVATIONS.includes(name as Elementwise)) throw new ImplementationError("unsupported", `activation ${String(name)}`);
      const e = name as Elementwise;
      return { value: x.map((v) => f[e](r(v))), derivative: x.map((v) => df[e](r(v))) };
    },
  };
}
