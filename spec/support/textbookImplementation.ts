/**
 * A second, independent and correct implementation for tests: the textbook formulas with plain loops, every
 * arithmetic result passed through `r` — the identity for float64, `Math.fround` to simulate float32 arithmetic,
 * the dtype table's round-to-nearest-even for float16 and bfloat16.
 * It differs from the reference on purpose: σ′ = σ(1 − σ), tanh′ = 1 − tanh², softplus and the cross-entropies with
 * ln(1 + t) instead of log1p and σ(z) − y by subtraction (PyTorch's BCEWithLogitsLoss and CrossEntropyLoss do the
 * same), silu′ with 1 − σ by subtraction, the softmax Jacobian as diag(a) − a·aᵀ, δ = a − y for softmax and
 * cross-entropy, sums in reverse order, per-sample gradients reduced at the end. `declaredDtype` lets a test lie
 * about the dtype (a mutant).
 */
import { DTYPES, type Dtype } from "../../src/gradcheck/dtypes.ts";
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import { ACTIVATIONS, COSTS, REDUCTIONS, type Activation, type LayerParams, type Matrix, type NetworkSpec, type Params } from "../../src/network/types.ts";

type Round = (x: number) => number;

export function textbookImplementation(options: { arithmetic: Dtype; declaredDtype?: Dtype; name?: string }): Implementation {
  const r: Round = DTYPES[options.arithmetic].round;
  const sigma = (z: number): number => (z >= 0 ? r(1 / r(1 + r(Math.exp(-z)))) : r(r(Math.exp(z)) / r(1 + r(Math.exp(z)))));
  const f = (name: Activation, z: number): number => {
    switch (name) {
      case "relu": return z > 0 ? z : 0;
      case "identity": return z;
      case "tanh": return r(Math.tanh(z));
      case "logistic": return sigma(z);
      case "leaky_relu": return z > 0 ? z : r(r(0.01) * z);
      case "softplus": return r(Math.max(z, 0) + r(Math.log(r(1 + r(Math.exp(-Math.abs(z)))))));
      case "silu": return r(z * sigma(z));
      case "softmax": throw new Error("softmax acts on a layer");
    }
  };
  const df = (name: Activation, z: number, a: number): number => {
    switch (name) {
      case "relu": return z > 0 ? 1 : 0;
      case "identity": return 1;
      case "tanh": return r(1 - r(a * a));
      case "logistic": return r(a * r(1 - a));
      case "leaky_relu": return z > 0 ? 1 : r(0.01);
      case "softplus": return sigma(z);
      case "silu": {
        const s = sigma(z);
        return r(s * r(1 + r(z * r(1 - s))));
      }
      case "softmax": throw new Error("softmax acts on a layer");
    }
  };
  /** softmax with max z subtracted, summed from the last entry down. */
  const softmax = (z: readonly number[]): number[] => {
    const m = Math.max(...z);
    const e = z.map((zi) => r(Math.exp(r(zi - m))));
    let s = 0;
    for (let i = e.length - 1; i >= 0; i--) s = r(s + e[i]!);
    return e.map((x) => r(x / s));
  };
  const layerValues = (name: Activation, z: readonly number[]): number[] => (name === "softmax" ? softmax(z) : z.map((zi) => f(name, zi)));
  const roundAll = (m: Matrix) => m.map((row) => row.map(r));
  const roundParams = (p: Params): Params => p.map(({ W, b }) => ({ W: roundAll(W), b: b.map(r) }));

  function forwardOne(network: NetworkSpec, params: Params, x: readonly number[]) {
    const zs: number[][] = [], as: number[][] = [];
    let a = x.map(r);
    params.forEach(({ W, b }, l) => {
      const z = W.map((row, i) => {
        let s = b[i]!;
        for (let j = row.length - 1; j >= 0; j--) s = r(s + r(row[j]! * a[j]!));
        return s;
      });
      a = layerValues(network.activations[l]!, z);
      zs.push(z);
      as.push(a);
    });
    return { zs, as };
  }

  /** One sample's unreduced cost and δ_L (as if the weight were 1): the textbook's stable forms for the cross-entropies. */
  function outputTerms(network: NetworkSpec, z: readonly number[], a: readonly number[], y: readonly number[]): { cost: number; delta: number[] } {
    const out = network.activations.at(-1)!;
    switch (network.cost) {
      case "squared_error":
      case "half_squared_error": {
        const half = network.cost === "half_squared_error";
        let cost = 0;
        const g = a.map((ak, k) => {
          const e = r(ak - r(y[k]!));
          cost = r(cost + (half ? r(r(0.5) * r(e * e)) : r(e * e)));
          return half ? e : r(2 * e);
        });
        if (out === "softmax") {
          let s = 0;
          for (let k = a.length - 1; k >= 0; k--) s = r(s + r(a[k]! * g[k]!));
          return { cost, delta: a.map((ai, i) => r(ai * r(g[i]! - s))) };
        }
        return { cost, delta: g.map((gk, k) => r(gk * df(out, z[k]!, a[k]!))) };
      }
      case "binary_cross_entropy": {
        // BCE with logits: max(z, 0) − z·y + ln(1 + e^−|z|), δ = σ(z) − y
        let cost = 0;
        z.forEach((zk, k) => (cost = r(cost + r(r(Math.max(zk, 0) - r(zk * r(y[k]!))) + r(Math.log(r(1 + r(Math.exp(-Math.abs(zk))))))))));
        return { cost, delta: a.map((ak, k) => r(ak - r(y[k]!))) };
      }
      case "cross_entropy": {
        // log-softmax: ln a_k = z_k − m − ln Σ e^(z_j − m), δ = a − y
        const m = Math.max(...z);
        let s = 0;
        for (let j = z.length - 1; j >= 0; j--) s = r(s + r(Math.exp(r(z[j]! - m))));
        const lnS = r(Math.log(s));
        let cost = 0;
        z.forEach((zk, k) => {
          if (y[k] !== 0) cost = r(cost - r(r(y[k]!) * r(r(zk - m) - lnS)));
        });
        return { cost, delta: a.map((ak, k) => r(ak - r(y[k]!))) };
      }
    }
  }

  function gradientsOf(network: NetworkSpec, params0: Params, inputs: Matrix, targets: Matrix) {
    const params = roundParams(params0);
    const n = inputs.length, K = network.layers.at(-1)!;
    const divisor = network.reduction === "sum" ? 1 : network.reduction === "mean_all" ? n * K : n;
    let cost = 0;
    const sum: { W: number[][]; b: number[] }[] = params.map(({ W, b }) => ({ W: W.map((row) => row.map(() => 0)), b: b.map(() => 0) }));
    inputs.forEach((x0, s) => {
      const x = x0.map(r);
      const { zs, as } = forwardOne(network, params, x);
      const terms = outputTerms(network, zs.at(-1)!, as.at(-1)!, targets[s]!);
      cost = r(cost + terms.cost);
      let dA: number[] = [];
      for (let l = params.length - 1; l >= 0; l--) {
        const delta = l === params.length - 1 ? terms.delta : dA.map((d, i) => r(d * df(network.activations[l]!, zs[l]![i]!, as[l]![i]!)));
        const aPrev = l === 0 ? x : as[l - 1]!;
        delta.forEach((d, i) => {
          sum[l]!.b[i] = r(sum[l]!.b[i]! + d);
          aPrev.forEach((a, j) => (sum[l]!.W[i]![j] = r(sum[l]!.W[i]![j]! + r(d * a))));
        });
        const W = params[l]!.W;
        dA = W[0]!.map((_, j) => {
          let t = 0;
          for (let i = W.length - 1; i >= 0; i--) t = r(t + r(W[i]![j]! * delta[i]!));
          return t;
        });
      }
    });
    const grads: LayerParams[] = sum.map(({ W, b }) => ({ W: W.map((row) => row.map((g) => r(g / divisor))), b: b.map((g) => r(g / divisor)) }));
    return { cost: r(cost / divisor), grads, params };
  }

  const stepOf = (network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, L: number) => {
    const { cost, grads, params: p } = gradientsOf(network, params, inputs, targets);
    const lr = r(L);
    return { cost, params: p.map(({ W, b }, l) => ({ W: W.map((row, i) => row.map((w, j) => r(w - r(lr * grads[l]!.W[i]![j]!)))), b: b.map((v, i) => r(v - r(lr * grads[l]!.b[i]!))) })) };
  };

  return {
    hello: async () => ({
      protocol: 1, name: options.name ?? `textbook-${options.arithmetic}`, dtype: options.declaredDtype ?? options.arithmetic,
      methods: ["forward", "gradients", "step", "train", "activation"], activations: [...ACTIVATIONS], costs: [...COSTS], reductions: [...REDUCTIONS],
    }),
    forward: async ({ network, params, inputs }) => {
      const p = roundParams(params);
      const per = inputs.map((x) => forwardOne(network, p, x));
      return { layers: p.map((_, l) => ({ z: per.map((q) => q.zs[l]!), a: per.map((q) => q.as[l]!) })) };
    },
    gradients: async ({ network, params, inputs, targets }) => {
      const { cost, grads } = gradientsOf(network, params, inputs, targets);
      return { cost, grads };
    },
    step: async ({ network, params, inputs, targets, learningRate }) => ({ params: stepOf(network, params, inputs, targets, learningRate).params }),
    train: async ({ network, params, inputs, targets, learningRate, order }) => {
      let p = params;
      const costs: number[] = [];
      for (const s of order) {
        const next = stepOf(network, p, [inputs[s]!], [targets[s]!], learningRate);
        costs.push(next.cost);
        p = next.params;
      }
      return { params: p, costs };
    },
    activation: async ({ name, x }) => {
      if (!ACTIVATIONS.includes(name)) throw new ImplementationError("unsupported", `activation ${name}`);
      if (name === "softmax") {
        const a = softmax(x.map(r));
        return { value: a, derivative: a.map((ai, i) => a.map((aj, j) => (i === j ? r(ai - r(ai * ai)) : r(-r(ai * aj))))) };
      }
      const value = x.map((v) => f(name, r(v)));
      return { value, derivative: x.map((v, i) => df(name, r(v), value[i]!)) };
    },
  };
}
