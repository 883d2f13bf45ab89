/**
 * The plain implementation's optimizers, PyTorch's update rules (torch.optim.SGD, Adam, AdamW; docs/protocol.md),
 * and the one place where each optimizer bug of the mutant catalogue lives, one line each.
 */
import { ImplementationError, type AdamState, type Optimizer, type OptimizerState, type SgdState } from "../../src/implementation.ts";
import type { Params } from "../../src/network/types.ts";
import type { Mutation } from "./plainNetwork.ts";

/** f applied entry by entry to parameter-shaped arrays (all of the first one's shape). */
function each(f: (...x: number[]) => number, ...sets: Params[]): Params {
  return sets[0]!.map((layer, l) => ({
    W: layer.W.map((row, i) => row.map((_, j) => f(...sets.map((s) => s[l]!.W[i]![j]!)))),
    b: layer.b.map((_, i) => f(...sets.map((s) => s[l]!.b[i]!))),
  }));
}

/** One step of `optimizer` from `state` (null: fresh) on the gradients `grads` of `params`, with `mutation`'s bug. */
export function plainOptimizerStep(mutation: Mutation, optimizer: Optimizer, state: OptimizerState | null, params: Params, grads: Params, L: number): { params: Params; state: OptimizerState } {
  const is = (m: Mutation) => mutation === m;
  const λ = optimizer.weightDecay;
  /** x + kθ entry by entry: the weight decay's term added to a gradient-shaped x. */
  const withDecay = (x: Params, k: number) => (k !== 0 ? each((xi, θ) => xi + k * θ, x, params) : x);

  if (optimizer.name === "sgd") {
    const { momentum: μ, dampening: d, nesterov } = optimizer;
    const before = is("weight-decay-after-momentum") ? 0 : λ; // λθ joins g before the momentum (PyTorch), not after it
    const g = withDecay(grads, before);
    const B0 = (state as SgdState | null)?.momentumBuffer ?? null;
    const B = μ === 0 ? null : B0 === null ? g : each((Bi, gi) => μ * Bi + (1 - d) * gi, B0, g); // B ← g, then μB + (1 − d)g
    const moved = is("momentum-before-gradient") && B !== null ? (B0 ?? B) : B; // the step moves by the new buffer, not the old
    const u = moved === null ? g : nesterov ? each((gi, Bi) => gi + μ * Bi, g, moved) : moved;
    return { params: each((θ, ui) => θ - L * ui, params, withDecay(u, λ - before)), state: { momentumBuffer: B } };
  }
  if (optimizer.name !== "adam" && optimizer.name !== "adamw") throw new ImplementationError("unsupported", `optimizer ${String((optimizer as { name: unknown }).name)}`);
  const { beta1: β1, beta2: β2, epsilon: ε } = optimizer;
  const coupled = optimizer.name === "adam" || is("adamw-decay-coupled"); // Adam adds λθ to g; AdamW decays θ itself
  const θ0 = coupled ? params : each((θ) => θ * (1 - L * λ), params);
  const g = coupled ? withDecay(grads, λ) : grads;
  const zeros = each(() => 0, params);
  const { step: t0, m: m0, v: v0 } = (state as AdamState | null) ?? { step: 0, m: zeros, v: zeros };
  const t = t0 + 1;
  const tc = is("adam-step-from-zero") ? t0 : t; // the count the bias correction uses: after incrementing it
  const m = each((mi, gi) => β1 * mi + (1 - β1) * gi, m0, g);
  const v = each((vi, gi) => β2 * vi + (1 - β2) * gi * gi, v0, g);
  const [c1, c2] = is("adam-no-bias-correction") ? [1, 1] : [1 - β1 ** tc, 1 - β2 ** tc]; // m̂ = m/c1, v̂ = v/c2
  const denominator = (vi: number) => (is("adam-epsilon-inside-sqrt") ? Math.sqrt(vi / c2 + ε) : Math.sqrt(vi / c2) + ε); // √v̂ + ε
  return { params: each((θ, mi, vi) => θ - (L * (mi / c1)) / denominator(vi), θ0, m, v), state: { step: t, m, v } };
}
