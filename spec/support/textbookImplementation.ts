/**
 * A second, independent and correct implementation for tests: the textbook formulas with plain loops, every
 * arithmetic result passed through `r` — the identity for float64, `Math.fround` to simulate float32 arithmetic.
 * It differs from the reference on purpose: σ′ = σ(1 − σ), tanh′ = 1 − tanh², sums in reverse order, per-sample
 * gradients averaged at the end. `declaredDtype` lets a test lie about the dtype (a mutant).
 */
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import type { Activation, LayerParams, Matrix, NetworkSpec, Params } from "../../src/network/types.ts";

type Round = (x: number) => number;

export function textbookImplementation(options: { arithmetic: "float64" | "float32"; declaredDtype?: "float64" | "float32"; name?: string }): Implementation {
  const r: Round = options.arithmetic === "float32" ? Math.fround : (x) => x;
  const f = (name: Activation, z: number): number => {
    switch (name) {
      case "relu": return z > 0 ? z : 0;
      case "identity": return z;
      case "tanh": return r(Math.tanh(z));
      case "logistic": return z >= 0 ? r(1 / r(1 + r(Math.exp(-z)))) : r(r(Math.exp(z)) / r(1 + r(Math.exp(z))));
    }
  };
  const df = (name: Activation, z: number, a: number): number => {
    switch (name) {
      case "relu": return z > 0 ? 1 : 0;
      case "identity": return 1;
      case "tanh": return r(1 - r(a * a));
      case "logistic": return r(a * r(1 - a));
    }
  };
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
      a = z.map((zi) => f(network.activations[l]!, zi));
      zs.push(z);
      as.push(a);
    });
    return { zs, as };
  }

  function gradientsOf(network: NetworkSpec, params0: Params, inputs: Matrix, targets: Matrix) {
    const params = roundParams(params0);
    const n = inputs.length;
    let cost = 0;
    const sum: { W: number[][]; b: number[] }[] = params.map(({ W, b }) => ({ W: W.map((row) => row.map(() => 0)), b: b.map(() => 0) }));
    inputs.forEach((x0, s) => {
      const x = x0.map(r);
      const { zs, as } = forwardOne(network, params, x);
      const out = as.at(-1)!;
      let dA = out.map((a, k) => {
        const e = r(a - r(targets[s]![k]!));
        cost = r(cost + r(e * e));
        return r(2 * e);
      });
      for (let l = params.length - 1; l >= 0; l--) {
        const delta = dA.map((d, i) => r(d * df(network.activations[l]!, zs[l]![i]!, as[l]![i]!)));
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
    const grads: LayerParams[] = sum.map(({ W, b }) => ({ W: W.map((row) => row.map((g) => r(g / n))), b: b.map((g) => r(g / n)) }));
    return { cost: r(cost / n), grads, params };
  }

  const stepOf = (network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, L: number) => {
    const { cost, grads, params: p } = gradientsOf(network, params, inputs, targets);
    const lr = r(L);
    return { cost, params: p.map(({ W, b }, l) => ({ W: W.map((row, i) => row.map((w, j) => r(w - r(lr * grads[l]!.W[i]![j]!)))), b: b.map((v, i) => r(v - r(lr * grads[l]!.b[i]!))) })) };
  };

  return {
    hello: async () => ({ protocol: 1, name: options.name ?? `textbook-${options.arithmetic}`, dtype: options.declaredDtype ?? options.arithmetic, methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"] }),
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
      if (!["relu", "logistic", "tanh", "identity"].includes(name)) throw new ImplementationError("unsupported", `activation ${name}`);
      const value = x.map((v) => f(name, r(v)));
      return { value, derivative: x.map((v, i) => df(name, r(v), value[i]!)) };
    },
  };
}
