/**
 * A small, plain, correct network implementation (per-sample loops, textbook backprop) of every activation, cost and
 * reduction nncheck knows, and the one place where each deliberate bug of the mutant catalogue lives:
 * `plainNetwork(mutation)` is the same code with exactly one line behaving differently. See README.md for what each
 * mutant breaks and which checks catch it.
 */
import { ImplementationError, METHODS, OPTIMIZERS, type Hello, type Implementation, type OptimizerState, type StepRequest } from "../../src/implementation.ts";
import { ACTIVATIONS, COSTS, REDUCTIONS, type LayerParams, type Matrix, type NetworkSpec, type Params, type Vector } from "../../src/network/types.ts";
import { plainOptimizerStep } from "./plainOptimizers.ts";

/** The catalogue's bugs, by name ("none": the correct implementation). */
export const MUTATIONS = [
  "none", "relu-derivative-at-zero", "relu-derivative-sign", "leaky-relu", "logistic-derivative-missing", "logistic-sign",
  "naive-logistic", "cost-derivative-without-2", "cost-not-squared", "transposed-w1-gradient", "bias-gradient-summed",
  "relu-mask-first-sample", "gradient-off-1e-6", "forward-drops-bias", "step-ascends", "learning-rate-default",
  "float32-declared-float64", "train-skips-last", "train-repeats-last", "rate-doubled", "rate-over-batch", "updated-output-weights",
  // the classifier family's
  "softmax-diagonal", "softmax-no-max", "naive-log-softmax", "ce-gradient-without-mean", "bce-target-flipped",
  "naive-log-sigmoid", "half-convention-mixed", "leaky-relu-derivative-at-zero", "leaky-slope-0.1", "naive-softplus",
  "silu-derivative-sigma", "reduction-ignored", "mean-all-as-mean",
  // the optimizers' (plainOptimizers.ts)
  "adam-no-bias-correction", "adam-epsilon-inside-sqrt", "adam-step-from-zero", "momentum-before-gradient",
  "weight-decay-after-momentum", "adamw-decay-coupled", "optimizer-state-not-carried",
] as const;
/** One bug of the catalogue, by name. */
export type Mutation = (typeof MUTATIONS)[number];

type Elementwise = "relu" | "logistic" | "tanh" | "identity" | "leaky_relu" | "softplus" | "silu";

/** The plain implementation with `mutation` (default: none, i.e. correct). */
export function plainNetwork(mutation: Mutation = "none"): Implementation {
  const is = (m: Mutation) => mutation === m;
  const r = is("float32-declared-float64") ? Math.fround : (x: number) => x; // every arithmetic result goes through r

  // σ computed stably: e^z/(1 + e^z) for z < 0 never overflows; σ′ = e/(1 + e)² with e = e^−|z| never cancels
  const logistic = (z: number) => (z >= 0 ? r(1 / r(1 + r(Math.exp(-z)))) : r(r(Math.exp(z)) / r(1 + r(Math.exp(z)))));
  const leak = is("leaky-slope-0.1") ? 0.1 : 0.01; // leaky ReLU's slope below 0
  const f: Record<Elementwise, (z: number) => number> = {
    relu: (z) => (z > 0 ? z : is("leaky-relu") ? r(0.01 * z) : 0),
    logistic: (z) => (is("logistic-sign") ? logistic(-z) : logistic(z)),
    tanh: (z) => r(Math.tanh(z)),
    identity: (z) => z,
    leaky_relu: (z) => (z > 0 ? z : r(leak * z)),
    // ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|): exp never overflows, and log1p keeps ln(1 + e^−40) = 4e−18
    softplus: (z) => (is("naive-softplus") ? r(Math.log(r(1 + r(Math.exp(z))))) : r(Math.max(z, 0) + r(Math.log1p(r(Math.exp(-Math.abs(z))))))),
    silu: (z) => r(z * logistic(z)),
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
    leaky_relu: (z) => ((is("leaky-relu-derivative-at-zero") ? z >= 0 : z > 0) ? 1 : leak), // leaky_relu′(0) = 0.01, the left one
    softplus: (z) => logistic(z),
    // silu′ = σ(z)·(1 + z·(1 − σ(z))), with 1 − σ(z) taken as σ(−z)
    silu: (z) => (is("silu-derivative-sigma") ? logistic(z) : r(logistic(z) * r(1 + r(z * logistic(-z))))),
  };

  /** softmax(z) = e^(z − m)/Σ e^(z − m) with m = max z: softmax(1000, 0) = (1, 0), not NaN. */
  function softmax(z: Vector): number[] {
    const m = is("softmax-no-max") ? 0 : Math.max(...z);
    const e = z.map((zi) => r(Math.exp(r(zi - m))));
    const s = e.reduce((acc, x) => r(acc + x), 0);
    return e.map((x) => r(x / s));
  }
  /**
   * dC/dz through softmax from h = a ⊙ dC/da: with ∂a_i/∂z_j = a_i(1[i = j] − a_j), dC/dz_j = h_j − a_j·Σ_i h_i.
   * Taking h rather than dC/da lets cross-entropy hand in h = −y, never dividing by an a that underflowed to 0.
   */
  function softmaxBackward(a: Vector, h: Vector): number[] {
    const sh = h.reduce((acc, x) => r(acc + x), 0);
    return a.map((aj, j) => (is("softmax-diagonal") ? r(h[j]! - r(aj * h[j]!)) : r(h[j]! - r(aj * sh)))); // the diagonal alone: h_j(1 − a_j)
  }
  const layer = (name: string, z: Vector): number[] => (name === "softmax" ? softmax(z) : z.map(f[name as Elementwise]));

  /** z_l = W_l·a_{l−1} + b_l and a_l = f_l(z_l) for one sample x. */
  function forwardOne(network: NetworkSpec, params: Params, x: Vector): { z: number[][]; a: number[][] } {
    const z: number[][] = [], a: number[][] = [];
    let prev = x.map(r);
    params.forEach(({ W, b }, l) => {
      const bias = (i: number) => (is("forward-drops-bias") && l === 0 ? 0 : r(b[i]!));
      z.push(W.map((row, i) => row.reduce((s, w, j) => r(s + r(r(w) * prev[j]!)), bias(i))));
      prev = layer(network.activations[l]!, z[l]!);
      a.push(prev);
    });
    return { z, a };
  }

  /**
   * One sample's cost c and its output gradient: dc/da for the chain rule, or δ = dc/dz_L itself where the chain
   * rule's division by f′ cancels — BCE on a logistic output (δ = a − y) and cross-entropy on a softmax one (h = −y).
   * The cross-entropies take ln σ(z) and ln softmax(z) from z (log-sigmoid, log-softmax): finite for every finite z.
   */
  function costTerms(network: NetworkSpec, z: Vector, a: Vector, y0: Vector): { c: number; dC_da?: number[]; delta?: number[] } {
    const y = y0.map(r);
    switch (network.cost) {
      case "squared_error":
      case "half_squared_error": {
        const k = network.cost === "half_squared_error" ? 0.5 : 1;
        const errors = a.map((out, o) => r(out - y[o]!));
        const c = r(k * errors.reduce((s, e) => r(s + (is("cost-not-squared") ? r(2 * e) : r(e * e))), 0));
        // dc/da = 2k(a − y)
        return { c, dC_da: errors.map((e) => (is("cost-derivative-without-2") ? r(k * e) : is("half-convention-mixed") ? r(2 * e) : r(2 * k * e))) };
      }
      case "binary_cross_entropy": {
        const t = is("bce-target-flipped") ? y.map((yk) => r(1 - yk)) : y;
        // −[t ln σ(z) + (1 − t) ln σ(−z)] = max(z, 0) − t·z + ln(1 + e^−|z|)
        const term = (zk: number, k: number) => (is("naive-log-sigmoid") ? -r(r(t[k]! * r(Math.log(a[k]!))) + r(r(1 - t[k]!) * r(Math.log(r(1 - a[k]!))))) : r(r(Math.max(zk, 0) - r(zk * t[k]!)) + r(Math.log1p(r(Math.exp(-Math.abs(zk)))))));
        return { c: z.reduce((s, zk, k) => r(s + term(zk, k)), 0), delta: a.map((ak, k) => r(ak - t[k]!)) };
      }
      case "cross_entropy": {
        // −Σ y_k ln a_k with ln a_k = z_k − m − ln Σ e^(z_j − m)
        const m = Math.max(...z);
        const lse = r(m + r(Math.log(z.reduce((s, zj) => r(s + r(Math.exp(r(zj - m)))), 0))));
        const term = (zk: number, k: number) => (y[k] === 0 ? 0 : is("naive-log-softmax") ? -r(y[k]! * r(Math.log(a[k]!))) : r(y[k]! * r(lse - zk)));
        return { c: z.reduce((s, zk, k) => r(s + term(zk, k)), 0), delta: softmaxBackward(a, y.map((yk) => -yk)) };
      }
    }
  }

  /**
   * The batch cost C = (1/d)·Σ_s c_s (d = n for the mean, 1 for the sum, n·K for mean_all) and its gradients, by
   * backpropagation layer by layer, each layer one sample at a time (`rate`: the step's, when a step asks).
   */
  function gradients(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, rate?: number): { cost: number; grads: LayerParams[] } {
    const n = inputs.length, K = network.layers.at(-1)!, L = params.length - 1;
    const d = is("reduction-ignored") ? n : network.reduction === "sum" ? 1 : network.reduction === "mean_all" ? (is("mean-all-as-mean") ? n : n * K) : n;
    const dGrad = is("ce-gradient-without-mean") && network.cost === "cross_entropy" ? 1 : d; // the gradients' share of the reduction
    const passes = inputs.map((x) => forwardOne(network, params, x));
    const sumW = params.map(({ W }) => W.map((row) => row.map(() => 0)));
    const sumB = params.map(({ b }) => b.map(() => 0));
    const terms = passes.map(({ z, a }, s) => costTerms(network, z[L]!, a[L]!, targets[s]!));
    const cost = terms.reduce((c, t) => r(c + t.c), 0);
    let dC_da = terms.map((t) => t.dC_da ?? []);
    for (let l = L; l >= 0; l--) {
      const name = network.activations[l]!;
      const deltas = passes.map(({ z, a }, s) => {
        const zMask = is("relu-mask-first-sample") ? passes[0]!.z[l]! : z[l]!;
        return l === L && terms[s]!.delta !== undefined ? terms[s]!.delta!
          : name === "softmax" ? softmaxBackward(a[l]!, a[l]!.map((al, i) => r(al * dC_da[s]![i]!)))
          : dC_da[s]!.map((g, i) => r(g * df[name as Elementwise](zMask[i]!))); // δ = dC/da ⊙ f′(z)
      });
      deltas.forEach((delta, s) => {
        const aPrev = l === 0 ? inputs[s]!.map(r) : passes[s]!.a[l - 1]!;
        delta.forEach((g, i) => {
          sumB[l]![i] = r(sumB[l]![i]! + g);
          aPrev.forEach((ap, j) => (sumW[l]![i]![j] = r(sumW[l]![i]![j]! + r(g * ap))));
        });
      });
      // synaptic 1.1.4's bug: δ propagated through this layer's weights as the step has already updated them
      const W = is("updated-output-weights") && rate !== undefined ? params[l]!.W.map((row, i) => row.map((w, j) => r(w - r(rate * r(sumW[l]![i]![j]! / dGrad))))) : params[l]!.W;
      dC_da = deltas.map((delta) => W[0]!.map((_, j) => W.reduce((t, row, i) => r(t + r(r(row[j]!) * delta[i]!)), 0))); // dC/da_{l−1} = Wᵀδ
    }
    const grads = params.map((_, l) => ({
      W: sumW[l]!.map((row) => row.map((g) => r(g / dGrad))),
      b: sumB[l]!.map((g) => (is("bias-gradient-summed") ? g : r(g / dGrad))),
    }));
    if (is("transposed-w1-gradient")) grads[0] = { ...grads[0]!, W: grads[0]!.W[0]!.map((_, j) => grads[0]!.W.map((row) => row[j]!)) };
    if (is("gradient-off-1e-6")) grads[0]!.W[0]![0] = grads[0]!.W[0]![0]! * (1 + 1e-6);
    return { cost: r(cost / d), grads };
  }

  /** θ − L·∇C(θ) on the whole batch, or the request's optimizer's step from its state (then with the state after it). */
  function step(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number, { optimizer, state }: Pick<StepRequest, "optimizer" | "state">): { params: Params; state?: OptimizerState } {
    const L = r(is("learning-rate-default") ? learningRate || 0.05 : is("rate-over-batch") ? r(learningRate / inputs.length) : is("rate-doubled") ? 2 * learningRate : learningRate);
    const { grads } = gradients(network, params, inputs, targets, L);
    if (optimizer !== undefined) return plainOptimizerStep(mutation, optimizer, state ?? null, params, grads, L);
    const move = (theta: number, g: number) => (is("step-ascends") ? r(r(theta) + r(L * g)) : r(r(theta) - r(L * g)));
    return { params: params.map(({ W, b }, l) => ({ W: W.map((row, i) => row.map((w, j) => move(w, grads[l]!.W[i]![j]!))), b: b.map((v, i) => move(v, grads[l]!.b[i]!)) })) };
  }
  const hello: Hello = {
    protocol: 1, name: `plain-${mutation}`, language: "typescript", dtype: "float64", methods: [...METHODS],
    activations: [...ACTIVATIONS], costs: [...COSTS], reductions: [...REDUCTIONS], optimizers: [...OPTIMIZERS],
  };

  return {
    hello: async () => hello,
    forward: async ({ network, params, inputs }) => {
      const passes = inputs.map((x) => forwardOne(network, params, x));
      return { layers: params.map((_, l) => ({ z: passes.map((p) => p.z[l]!), a: passes.map((p) => p.a[l]!) })) };
    },
    gradients: async ({ network, params, inputs, targets }) => gradients(network, params, inputs, targets),
    step: async (request) => step(request.network, request.params, request.inputs, request.targets, request.learningRate, request),
    train: async (request) => {
      const { network, params, inputs, targets, learningRate, order, optimizer, state } = request;
      const steps = is("train-skips-last") ? order.slice(0, -1) : is("train-repeats-last") ? [...order, order.at(-1)!] : order;
      let theta = params, carried = state ?? undefined;
      const costs: number[] = [];
      for (const s of steps) {
        costs.push(gradients(network, theta, [inputs[s]!], [targets[s]!]).cost); // the sample's cost before its step
        const next = step(network, theta, [inputs[s]!], [targets[s]!], learningRate, { optimizer, state: is("optimizer-state-not-carried") ? state : carried });
        theta = next.params;
        carried = next.state;
      }
      return optimizer === undefined ? { params: theta, costs } : { params: theta, costs, state: carried };
    },
    activation: async ({ name, x }) => {
      if (!ACTIVATIONS.includes(name)) throw new ImplementationError("unsupported", `activation ${String(name)}`);
      if (name === "softmax") {
        // the Jacobian's row i is the backward pass of dC/da = e_i (h = a_i·e_i): ∂a_i/∂z_j = a_i(1[i = j] − a_j)
        const a = softmax(x.map(r));
        return { value: a, derivative: a.map((ai, i) => softmaxBackward(a, a.map((_, k) => (k === i ? ai : 0)))) };
      }
      const e = name as Elementwise;
      return { value: x.map((v) => f[e](r(v))), derivative: x.map((v) => df[e](r(v))) };
    },
  };
}
