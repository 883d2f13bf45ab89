/**
 * Stochastic gradient descent, one sample per step (the seed's training loop): the same equations as
 * `gradients` + `step` for a batch of one, run on packed Float64Arrays with buffers allocated once. Small networks
 * of the kinds it is written for run the shape-specialised kernel of sgdKernel.ts (same bits, several times faster);
 * every network of the family runs the generic loop below (any cost, reduction and activation).
 */
import type { Optimizer, OptimizerState } from "../implementation.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { COST_TABLE, reductionWeight } from "../family/costs.ts";
import { assertValid, validateOrder } from "../network/validate.ts";
import { activationFunctions, type ElementwiseName } from "./activationFunctions.ts";
import { sgdKernelFor } from "./sgdKernel.ts";
import { wireState } from "./optimizerStep.ts";
import { optimizerStep } from "./step.ts";

/** What `train` returns: the trained params and, when asked for, `costs[k]` = cost of sample order[k] before step k. */
export interface TrainOutcome {
  readonly params: Params;
  readonly costs?: number[];
}

/**
 * Training with `optimizer` (see optimizerStep.ts): one step per entry of `order` on that single sample, its state
 * carried from step to step starting from `state` (fresh when absent); the state after the last step with the params.
 */
export function trainWithOptimizer(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number, order: readonly number[], optimizer: Optimizer, state: OptimizerState | null | undefined): { params: Params; costs: number[]; state: OptimizerState } {
  let theta = params, carried: OptimizerState | null | undefined = state;
  const costs: number[] = [];
  for (const s of order) {
    const next = optimizerStep(network, theta, [inputs[s]!], [targets[s]!], learningRate, optimizer, carried);
    costs.push(next.cost);
    theta = next.params;
    carried = next.state;
  }
  return { params: theta, costs, state: carried ?? wireState(optimizer, params, state) };
}

/**
 * SGD: for k = 0…order.length−1, θ ← θ − L·∇C_{order[k]}(θ) with C_i the network's cost of sample i alone.
 * Agrees bit for bit with `step` applied to one sample at a time; `params` is not changed. `generic: true` forces
 * the generic loop (the specialised kernel must give the same bits: spec/reference/sgdKernel.spec.ts).
 */
export function train(
  network: NetworkSpec,
  params: Params,
  inputs: Matrix,
  targets: Matrix,
  learningRate: number,
  order: readonly number[],
  options: { recordCosts?: boolean; generic?: boolean } = {},
): TrainOutcome {
  // the cheap test first (train sits in the hot path); validateOrder's messages only for an order that fails it
  if (!order.every((s) => Number.isInteger(s) && s >= 0 && s < inputs.length)) assertValid(validateOrder(order, inputs.length), "train");
  const kernel = options.generic === true || !kernelRuns(network) ? undefined : sgdKernelFor(network);
  if (kernel !== undefined) {
    const P = Float64Array.from(params.flatMap(({ W, b }) => [...W.flat(), ...b]));
    const costs = options.recordCosts === true ? new Array<number>(order.length) : undefined;
    kernel(P, Float64Array.from(inputs.flat()), Float64Array.from(targets.flat()), order, learningRate, costs);
    let offset = 0;
    const take = (n: number) => Array.from(P.subarray(offset, (offset += n)));
    const trained = params.map(({ W, b }) => ({ W: W.map((row) => take(row.length)), b: take(b.length) }));
    return costs === undefined ? { params: trained } : { params: trained, costs };
  }
  return trainGeneric(network, params, inputs, targets, learningRate, order, options);
}

/**
 * Whether the shape-specialised kernel may compute this network: elementwise activations and the squared error,
 * whose per-sample weight is 1 (a batch of one under mean or sum, or a single output under mean_all). Anything
 * else — the other costs, softmax — runs the generic loop: the same equations, without the kernel's speed.
 */
function kernelRuns(network: NetworkSpec): boolean {
  const oneWeight = network.reduction !== "mean_all" || network.layers.at(-1) === 1;
  return network.cost === "squared_error" && oneWeight && network.activations.every((f) => f !== "softmax");
}

/**
 * The generic loop, for every network: `gradients` + `descend` for a batch of one, on packed layers (W_l row-major,
 * buffers allocated once), with the very operations of gradients.ts in the same order — z = (0 + Σ_j W_ij·a_j) + b_i,
 * δ_L from the cost table, dC/dW_ij = 0 + δ_i·a_j and dC/db_i = 0 + δ_i (a product and a sum over one sample),
 * dC/da_(l−1) = W_lᵀ·δ_l from 0, then θ − L·g — so the bits are step's (spec/reference/train.spec.ts).
 */
function trainGeneric(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number, order: readonly number[], options: { recordCosts?: boolean }): TrainOutcome {
  const layers = params.map(({ W, b }, l) => {
    const fanIn = network.layers[l]!, units = network.layers[l + 1]!;
    const packedW = new Float64Array(units * fanIn);
    W.forEach((row, i) => packedW.set(row, i * fanIn));
    const entry = ACTIVATION_TABLE[network.activations[l]!];
    // an elementwise f through activationFunctions' uniform { value, derivative } objects (one shape for V8's inline
    // caches, where the table's entries each have their own), a layer-wide one (softmax) through its value
    const f = entry.kind === "elementwise" ? activationFunctions[entry.name as ElementwiseName] : undefined;
    const layerValue = entry.kind === "vector" ? entry.value : undefined;
    return { fanIn, units, f, layerValue, W: packedW, b: Float64Array.from(b), z: new Float64Array(units), a: new Float64Array(units), dA_dZ: new Float64Array(units), dC_dA: new Float64Array(units), delta: new Float64Array(units) };
  });
  const L = layers.length - 1, K = layers[L]!.units;
  const cost = COST_TABLE[network.cost], output = network.activations[L]!;
  const w = reductionWeight(network.reduction, 1, K);
  const divisor = network.reduction === "sum" ? undefined : network.reduction === "mean_all" ? K : 1;
  const xs = inputs.map((x) => Float64Array.from(x));
  const costs = options.recordCosts === true ? new Array<number>(order.length) : undefined;
  for (let k = 0; k < order.length; k++) {
    const sample = order[k]!, x = xs[sample]!, y = targets[sample]!;
    // forward: z_l = W_l·a_(l−1) + b_l, a_l = f_l(z_l), and f_l′(z_l) beside it for an elementwise f_l
    let aPrev: Float64Array = x;
    for (const { W, b, z, a, dA_dZ, f, layerValue, units, fanIn } of layers) {
      for (let i = 0; i < units; i++) {
        let s = 0;
        for (let j = 0; j < fanIn; j++) s += W[i * fanIn + j]! * aPrev[j]!;
        z[i] = s + b[i]!;
      }
      if (f !== undefined) for (let i = 0; i < units; i++) (a[i] = f.value(z[i]!)), (dA_dZ[i] = f.derivative(z[i]!));
      else a.set(layerValue!(Array.from(z)));
      aPrev = a;
    }
    // the sample's cost, weighted as gradients.ts weighs a batch of one; δ_L = w·dc/dz_L from the cost table
    // the cost table reads z and a by index and through map/reduce, which a Float64Array has: no copies
    const zL = layers[L]!.z as unknown as number[], aL = layers[L]!.a as unknown as number[];
    let sum = 0;
    sum += cost.value(zL, aL, y);
    if (costs !== undefined) costs[k] = divisor === undefined ? sum : sum / divisor;
    let delta = layers[L]!.delta; // always a Float64Array: one element kind for V8 in the loops below
    delta.set(cost.delta(output, zL, aL, y, w));
    // backward: dC/da_(l−1) = W_lᵀ·δ_l before W_l moves, then W_l −= L·(0 + δ_l·a_(l−1)ᵀ), b_l −= L·(0 + δ_l)
    for (let l = L; l >= 0; l--) {
      const { W, b, units, fanIn } = layers[l]!;
      const below = l > 0 ? layers[l - 1]! : undefined;
      const aIn = below?.a ?? x;
      if (below !== undefined) {
        for (let j = 0; j < fanIn; j++) {
          let s = 0;
          for (let i = 0; i < units; i++) s += W[i * fanIn + j]! * delta[i]!;
          below.dC_dA[j] = s;
        }
      }
      for (let i = 0; i < units; i++) {
        const d = delta[i]!;
        for (let j = 0; j < fanIn; j++) W[i * fanIn + j] = W[i * fanIn + j]! - learningRate * (0 + d * aIn[j]!);
        b[i] = b[i]! - learningRate * (0 + d);
      }
      if (below !== undefined) {
        // δ_(l−1) = dC/da_(l−1) ⊙ f′(z_(l−1)) (hidden layers are elementwise: softmax is only ever the output layer)
        for (let j = 0; j < below.units; j++) below.delta[j] = below.dC_dA[j]! * below.dA_dZ[j]!;
        delta = below.delta;
      }
    }
  }
  const trained = layers.map(({ W, b, units, fanIn }) => ({
    W: Array.from({ length: units }, (_, i) => Array.from(W.subarray(i * fanIn, (i + 1) * fanIn))),
    b: Array.from(b),
  }));
  return costs === undefined ? { params: trained } : { params: trained, costs };
}
