/**
 * The optimizer configurations the `oracle/step/<cfg>/…` and `oracle/train/<cfg>/…` checks send, as data: each names
 * the optimizer it needs and the hyper-parameter sets its cases cycle through, chosen so that the classic bugs show
 * (dampening 0 and 0.1; weight decay with momentum, where its order matters; ε = 1e-3 beside 1e-8, where ε inside
 * the square root is visible), and the seeded random states a step case starts from.
 */
import type { Optimizer, OptimizerName, OptimizerState } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import type { Rng } from "../random/rng.ts";

/** One configuration: its id segment, the optimizer it needs, the hyper-parameter sets (cycled by case) and learning rates. */
export interface OptimizerConfig {
  readonly name: string;
  readonly needs: OptimizerName;
  readonly variants: readonly Optimizer[];
  readonly learningRates: readonly number[];
}

const sgd = (momentum: number, dampening: number, nesterov: boolean, weightDecay: number): Optimizer => ({ name: "sgd", momentum, dampening, nesterov, weightDecay });
const adam = (name: "adam" | "adamw", beta1: number, beta2: number, epsilon: number, weightDecay: number): Optimizer => ({ name, beta1, beta2, epsilon, weightDecay });

/** Every configuration, in report order. */
export const OPTIMIZER_CONFIGS: readonly OptimizerConfig[] = [
  { name: "sgd-momentum", needs: "sgd", variants: [sgd(0.9, 0, false, 0), sgd(0.9, 0.1, false, 0)], learningRates: [0.05, 0.1] },
  { name: "sgd-nesterov", needs: "sgd", variants: [sgd(0.9, 0, true, 0), sgd(0.5, 0, true, 0.01)], learningRates: [0.05, 0.1] },
  { name: "sgd-weight-decay", needs: "sgd", variants: [sgd(0.9, 0.1, false, 0.05), sgd(0, 0, false, 0.1), sgd(0.9, 0, true, 0.05)], learningRates: [0.05, 0.1] },
  { name: "adam", needs: "adam", variants: [adam("adam", 0.9, 0.999, 1e-8, 0), adam("adam", 0.9, 0.999, 1e-3, 0)], learningRates: [0.01, 0.05] },
  { name: "adam-weight-decay", needs: "adam", variants: [adam("adam", 0.9, 0.999, 1e-8, 0.05), adam("adam", 0.8, 0.99, 1e-3, 0.1)], learningRates: [0.01, 0.05] },
  { name: "adamw", needs: "adamw", variants: [adam("adamw", 0.9, 0.999, 1e-8, 0.05), adam("adamw", 0.9, 0.999, 1e-3, 0.1)], learningRates: [0.01, 0.05] },
];

/**
 * A seeded non-trivial state for `optimizer` on parameters shaped like `params`: a momentum buffer in [−1, 1] (none
 * for μ = 0), or t in 1…20 with m in [−0.5, 0.5] and v in [0, 0.3] — a fifth of the entries m = v = 0 (v̂ tiny: ε decides).
 */
export function randomOptimizerState(rng: Rng, optimizer: Optimizer, params: Params): OptimizerState {
  const like = (f: () => number): Params => params.map(({ W, b }) => ({ W: W.map((row) => row.map(f)), b: b.map(f) }));
  if (optimizer.name === "sgd") return { momentumBuffer: optimizer.momentum === 0 ? null : like(() => rng.uniform(-1, 1)) };
  const step = 1 + rng.int(20);
  const zero = like(() => (rng.next() < 0.2 ? 0 : 1));
  let k = 0;
  const flags = zero.flatMap(({ W, b }) => [...W.flat(), ...b]);
  const m = like(() => rng.uniform(-0.5, 0.5)), v = like(() => rng.uniform(0, 0.3));
  const masked = (p: Params): Params => { k = 0; return p.map(({ W, b }) => ({ W: W.map((row) => row.map((x) => x * flags[k++]!)), b: b.map((x) => x * flags[k++]!) })); };
  return { step, m: masked(m), v: masked(v) };
}
