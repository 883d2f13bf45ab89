import { describe, expect, it } from "vitest";
import type { Optimizer } from "../../src/implementation.ts";
import { createOracle, optimizerUpdate, type DecimalOptimizerState } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const oracle = createOracle();
const { D } = oracle;
const one = (x: number | string) => [{ W: [[oracle.decimal(x)]], b: [] as ReturnType<typeof oracle.decimal>[] }];
const value = (p: { W: readonly (readonly { toString(): string }[])[] }[]) => p[0]!.W[0]![0]!;
const adam = (beta1: number, beta2: number, epsilon: number, weightDecay = 0, name: "adam" | "adamw" = "adam"): Optimizer => ({ name, beta1, beta2, epsilon, weightDecay });

describe("the oracle's optimizer updates, against computations written out by hand", () => {
  it("a first Adam step on the network w·x + b (x = 1, y = 0) is the rational 1179649/3145730 for w = 1/2", () => {
    // z = 3/4, dC/dz = 2z = 3/2 = dC/dw = dC/db. Dyadic hyper-parameters so that every float is its decimal:
    // β1 = 7/8, β2 = 1 − 2⁻¹⁰, ε = 2⁻²⁰, L = 1/8. m = (1/8)(3/2), m̂ = 3/2; v = 2⁻¹⁰(9/4), v̂ = 9/4, √v̂ = 3/2;
    // w′ = 1/2 − (1/8)(3/2)/(3/2 + 2⁻²⁰) = 1/2 − 3·2¹⁶/(3·2¹⁹ + 1) = 1179649/3145730; b′ = 1/4 − the same step.
    const network = { layers: [1, 1], activations: ["identity"], cost: "squared_error" } as const;
    const r = oracle.step(network, [{ W: [[0.5]], b: [0.25] }], [[1]], [[0]], 0.125, adam(0.875, 1 - 2 ** -10, 2 ** -20));
    const w = new D(1179649).div(3145730);
    expect(r.params[0]!.W[0]![0]!.minus(w).abs().lt("1e-48")).toBe(true);
    expect(r.params[0]!.b[0]!.minus(w.minus(0.25)).abs().lt("1e-48")).toBe(true);
    expect(r.state).toMatchObject({ step: 1 });
    const s = r.state as Extract<DecimalOptimizerState, { step: number }>;
    expect(s.m[0]!.W[0]![0]!.eq("0.1875") && s.v[0]!.W[0]![0]!.eq(new D(2.25).div(1024))).toBe(true);
  });

  it("Adam at t = 3 from a given state: bias corrections with β^t, ε outside the square root", () => {
    // β1 = 1/2, β2 = 3/4, ε = 1/4, L = 1, g = 1, m = 1/2, v = 1/4, t = 2 → 3: m = 3/4, v = 7/16,
    // m̂ = (3/4)/(7/8) = 6/7, v̂ = (7/16)/(37/64) = 28/37, so θ − θ′ = (6/7)/(√(28/37) + 1/4): ((6/7)/(θ − θ′) − 1/4)² = 28/37.
    const state = { step: 2, m: one(0.5), v: one(0.25) };
    const r = optimizerUpdate(D, adam(0.5, 0.75, 0.25), new D(1), one(3), one(1), state);
    const step = new D(3).minus(value(r.params as never) as never);
    const root = new D(6).div(7).div(step).minus(0.25);
    expect(root.times(root).minus(new D(28).div(37)).abs().lt("1e-45")).toBe(true);
    expect(r.state).toMatchObject({ step: 3 });
  });

  it("SGD with momentum, dampening, Nesterov and coupled weight decay, two steps written out", () => {
    // λ = 1/4, μ = 1/2, d = 1/4, L = 1/2, θ = 2, g = 1: g ← 1 + 1/2 = 3/2; B ← 3/2 (first step, no dampening);
    // Nesterov: g ← 3/2 + 3/4 = 9/4; θ ← 2 − 9/8 = 7/8. Next, g = 1 at θ = 7/8: g ← 1 + 7/32 = 39/32;
    // B ← (1/2)(3/2) + (3/4)(39/32) = 3/4 + 117/128 = 213/128; g ← 39/32 + 213/256 = 525/256; θ ← 7/8 − 525/512 = −77/512.
    const o: Optimizer = { name: "sgd", momentum: 0.5, dampening: 0.25, nesterov: true, weightDecay: 0.25 };
    const first = optimizerUpdate(D, o, new D(0.5), one(2), one(1), { momentumBuffer: null });
    expect(value(first.params as never).toString()).toBe("0.875");
    const second = optimizerUpdate(D, o, new D(0.5), first.params, one(1), first.state);
    expect(new D(value(second.params as never) as never).eq(new D(-77).div(512))).toBe(true);
    expect(new D(value((second.state as { momentumBuffer: never }).momentumBuffer) as never).eq(new D(213).div(128))).toBe(true);
    // μ = 0: no buffer, state {momentumBuffer: null}; θ − L(g + λθ) = 2 − (1/2)(3/2)
    const plain = optimizerUpdate(D, { ...o, momentum: 0 }, new D(0.5), one(2), one(1), { momentumBuffer: null });
    expect(value(plain.params as never).toString()).toBe("1.25");
    expect(plain.state).toEqual({ momentumBuffer: null });
  });

  it("AdamW decays θ by (1 − Lλ) before Adam's step, with no decay in the gradient", () => {
    // λ = 1/2, L = 1/4, θ = 2: θ ← 2·(7/8) = 7/4; first step with g = 1: m̂ = 1, v̂ = 1, θ ← 7/4 − (1/4)/(1 + 1/4) = 31/20.
    const r = optimizerUpdate(D, adam(0.5, 0.75, 0.25, 0.5, "adamw"), new D(0.25), one(2), one(1), { step: 0, m: [], v: [] });
    expect(new D(value(r.params as never) as never).eq(new D(31).div(20))).toBe(true);
    // Adam (coupled) with the same λ: g ← 1 + 1 = 2, m̂ = 2, √v̂ = 2: θ ← 2 − (1/4)(2/(2 + 1/4)) = 2 − 2/9 = 16/9.
    const coupled = optimizerUpdate(D, adam(0.5, 0.75, 0.25, 0.5), new D(0.25), one(2), one(1), { step: 0, m: [], v: [] });
    expect(new D(value(coupled.params as never) as never).minus(new D(16).div(9)).abs().lt("1e-48")).toBe(true);
  });
});

/** PyTorch's documented Adam/AdamW step (torch/optim/adam.py, single-tensor path), evaluated in float64. */
function torchAdam(o: Extract<Optimizer, { beta1: number }>, lr: number, theta: number, g0: number, s: { t: number; m: number; v: number }) {
  if (o.name === "adamw") theta *= 1 - lr * o.weightDecay;
  const g = o.name === "adam" && o.weightDecay !== 0 ? g0 + o.weightDecay * theta : g0;
  const t = s.t + 1;
  const m = s.m * o.beta1 + g * (1 - o.beta1); // exp_avg.mul_(β1).add_(g, alpha=1 − β1)
  const v = s.v * o.beta2 + g * g * (1 - o.beta2);
  const stepSize = lr / (1 - o.beta1 ** t);
  const denom = Math.sqrt(v) / Math.sqrt(1 - o.beta2 ** t) + o.epsilon;
  return { theta: theta - stepSize * (m / denom), s: { t, m, v } };
}

describe("the oracle's optimizers against PyTorch's documented formulas in float64", () => {
  it("agree to float64's accuracy over 12 steps of seeded gradients, for Adam, Adam with decay, AdamW and SGD", () => {
    const rng = createRng(7);
    for (const o of [adam(0.9, 0.999, 1e-8), adam(0.9, 0.999, 1e-3, 0.05), adam(0.8, 0.99, 1e-8, 0.1, "adamw")] as const) {
      let theta = 0.7, s = { t: 0, m: 0, v: 0 };
      let exact = { params: one(0.7) as never, state: { step: 0, m: [], v: [] } as DecimalOptimizerState };
      for (let k = 0; k < 12; k++) {
        const g = rng.uniform(-1, 1);
        ({ theta, s } = torchAdam(o as never, 0.01, theta, g, s));
        exact = optimizerUpdate(D, o, oracle.decimal(0.01), exact.params, one(g), exact.state) as never;
        expect(Math.abs(Number(value(exact.params)) - theta)).toBeLessThan(1e-14);
      }
    }
    // torch.optim.SGD: d_p += λθ; buf = d_p (first) else buf·μ + (1 − d)·d_p; d_p = d_p + μ·buf (Nesterov) or buf
    for (const nesterov of [false, true]) {
      const o: Optimizer = { name: "sgd", momentum: 0.9, dampening: 0.1, nesterov, weightDecay: 0.05 };
      let theta = -0.3, buf: number | null = null;
      let exact = { params: one(-0.3) as never, state: { momentumBuffer: null } as DecimalOptimizerState };
      for (let k = 0; k < 12; k++) {
        const g = rng.uniform(-1, 1);
        let d = g + 0.05 * theta;
        buf = buf === null ? d : buf * 0.9 + (1 - 0.1) * d;
        d = nesterov ? d + 0.9 * buf : buf;
        theta -= 0.05 * d;
        exact = optimizerUpdate(D, o, oracle.decimal(0.05), exact.params, one(g), exact.state) as never;
        expect(Math.abs(Number(value(exact.params)) - theta)).toBeLessThan(1e-14);
      }
    }
  });
});
