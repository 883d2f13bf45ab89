/**
 * Stochastic gradient descent, one sample per step (the seed's training loop): the same equations as
 * `gradients` + `step` for a batch of one, run on packed Float64Arrays with buffers allocated once. Small networks
 * of the kinds it is written for run the shape-specialised kernel of sgdKernel.ts (same bits, several times faster);
 * everything else runs the generic loop below.
 */
import type { Optimizer, OptimizerState } from "../implementation.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { COST_TABLE, reductionWeight } from "../family/costs.ts";
import { gradients } from "./gradients.ts";
import { packLayers, unpackParams, type PackedLayer } from "./packedLayers.ts";
import { sgdKernelFor } from "./sgdKernel.ts";
import { wireState } from "./optimizerStep.ts";
import { descend, optimizerStep } from "./step.ts";

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
 * SGD: for k = 0…order.length−1, θ ← θ − L·∇C_{order[k]}(θ) with C_i = Σ_outputs (a_L − y_i)² for sample i alone.
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
  if (!packedKernelRuns(network)) return trainByStep(network, params, inputs, targets, learningRate, order, options);
  const kernel = options.generic === true ? undefined : sgdKernelFor(network);
  if (kernel !== undefined && order.every((s) => Number.isInteger(s) && s >= 0 && s < inputs.length)) {
    const P = Float64Array.from(params.flatMap(({ W, b }) => [...W.flat(), ...b]));
    const costs = options.recordCosts === true ? new Array<number>(order.length) : undefined;
    kernel(P, Float64Array.from(inputs.flat()), Float64Array.from(targets.flat()), order, learningRate, costs);
    let offset = 0;
    const take = (n: number) => Array.from(P.subarray(offset, (offset += n)));
    const trained = params.map(({ W, b }) => ({ W: W.map((row) => take(row.length)), b: take(b.length) }));
    return costs === undefined ? { params: trained } : { params: trained, costs };
  }
  const layers = packLayers(network, params);
  // every sample packed once, so that a step reads its x and y without copying
  const xs = inputs.map((x) => Float64Array.from(x));
  const ys = targets.map((y) => Float64Array.from(y));
  const costs = options.recordCosts === true ? new Array<number>(order.length) : undefined;
  for (let k = 0; k < order.length; k++) {
    const sample = order[k]!;
    const cost = sgdStep(layers, xs[sample]!, ys[sample]!, learningRate);
    if (costs !== undefined) costs[k] = cost;
  }
  const trained = unpackParams(layers);
  return costs === undefined ? { params: trained } : { params: trained, costs };
}

/** One SGD step on one sample, updating `layers` in place; returns the sample's cost before the step. */
function sgdStep(layers: readonly PackedLayer[], x: Float64Array, y: Float64Array, learningRate: number): number {
  // forward: z_l = W_l·a_{l−1} + b_l, a_l = f_l(z_l), and beside it the local derivative da_l/dz_l = f_l′(z_l)
  let aPrev = x;
  for (const { W, b, z, a, dA_dZ, f, units, fanIn } of layers) {
    for (let i = 0; i < units; i++) {
      let s = 0;
      for (let j = 0; j < fanIn; j++) s += W[i * fanIn + j]! * aPrev[j]!;
      const zi = s + b[i]!;
      z[i] = zi;
      a[i] = f.value(zi);
      dA_dZ[i] = f.derivative(zi);
    }
    aPrev = a;
  }

  // C = Σ (a_L − y)², dC/da_L = 2(a_L − y)
  const output = layers[layers.length - 1]!;
  let cost = 0;
  for (let i = 0; i < output.units; i++) {
    const error = output.a[i]! - y[i]!;
    cost += error * error;
    output.dC_dA[i] = 2 * error;
  }

  // backward, from the output layer down
  for (let l = layers.length - 1; l >= 0; l--) {
    const { W, b, dA_dZ, dC_dA, delta, units, fanIn } = layers[l]!;
    const aPrev = l > 0 ? layers[l - 1]!.a : x;
    // δ_l = dC/dz_l = dC/da_l ⊙ da_l/dz_l
    for (let i = 0; i < units; i++) delta[i] = dC_dA[i]! * dA_dZ[i]!;
    // dC/da_{l−1} = W_lᵀ·δ_l (dz_l/da_{l−1} = W_l), taken before W_l is updated
    if (l > 0) {
      const dC_dAPrev = layers[l - 1]!.dC_dA;
      for (let j = 0; j < fanIn; j++) {
        let s = 0;
        for (let i = 0; i < units; i++) s += W[i * fanIn + j]! * delta[i]!;
        dC_dAPrev[j] = s;
      }
    }
    // W_l ← W_l − L·dC/dW_l with dC/dW_l = δ_l·a_{l−1}ᵀ;  b_l ← b_l − L·dC/db_l with dC/db_l = δ_l
    for (let i = 0; i < units; i++) {
      for (let j = 0; j < fanIn; j++) W[i * fanIn + j] = W[i * fanIn + j]! - learningRate * (delta[i]! * aPrev[j]!);
      b[i] = b[i]! - learningRate * delta[i]!;
    }
  }
  return cost;
}

/**
 * Whether the packed kernel computes this network: elementwise activations and the squared error, whose per-sample
 * weight is 1 (a batch of one under mean or sum, or a single output under mean_all). Anything else — the other
 * costs, softmax — trains by `step` on one sample at a time: the same equations, without the kernel's speed.
 */
function packedKernelRuns(network: NetworkSpec): boolean {
  const oneWeight = network.reduction !== "mean_all" || network.layers.at(-1) === 1;
  return network.cost === "squared_error" && oneWeight && network.activations.every((f) => f !== "softmax");
}

/**
 * SGD for every other network (the other costs and reductions, softmax): `gradients` + `descend` for a batch of
 * one, on packed layers, with the very operations of gradients.ts in the same order — z = (0 + Σ_j W_ij·a_j) + b_i,
 * δ_L from the cost table, dC/dW_ij = 0 + δ_i·a_j and dC/db_i = 0 + δ_i (a product and a sum over one sample),
 * dC/da_(l−1) = W_lᵀ·δ_l from 0, then θ − L·g — so the bits are step's (spec/reference/train.spec.ts).
 */
function trainByStep(network: NetworkSpec, params: Params, inputs: Matrix, targets: Matrix, learningRate: number, order: readonly number[], options: { recordCosts?: boolean }): TrainOutcome {
  if (!order.every((s) => Number.isInteger(s) && s >= 0 && s < inputs.length)) {
    // an order the wire did not validate (the library called directly): the plain fold, which reads what it reads
    let theta = params;
    const costs: number[] = [];
    for (const s of order) {
      const { cost, grads } = gradients(network, theta, [inputs[s]!], [targets[s]!]);
      if (options.recordCosts === true) costs.push(cost);
      theta = descend(theta, grads, learningRate);
    }
    return options.recordCosts === true ? { params: theta, costs } : { params: theta };
  }
  const layers = params.map(({ W, b }, l) => {
    const fanIn = network.layers[l]!, units = network.layers[l + 1]!;
    const packedW = new Float64Array(units * fanIn);
    W.forEach((row, i) => packedW.set(row, i * fanIn));
    return { fanIn, units, f: ACTIVATION_TABLE[network.activations[l]!], W: packedW, b: Float64Array.from(b), z: new Float64Array(units), a: new Float64Array(units), dA_dZ: new Float64Array(units), dC_dA: new Float64Array(units) };
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
    for (const { W, b, z, a, dA_dZ, f, units, fanIn } of layers) {
      for (let i = 0; i < units; i++) {
        let s = 0;
        for (let j = 0; j < fanIn; j++) s += W[i * fanIn + j]! * aPrev[j]!;
        z[i] = s + b[i]!;
      }
      if (f.kind === "vector") a.set(f.value(Array.from(z)));
      else for (let i = 0; i < units; i++) (a[i] = f.value(z[i]!)), (dA_dZ[i] = f.derivative(z[i]!));
      aPrev = a;
    }
    // the sample's cost, weighted as gradients.ts weighs a batch of one; δ_L = w·dc/dz_L from the cost table
    const zL = Array.from(layers[L]!.z), aL = Array.from(layers[L]!.a);
    let sum = 0;
    sum += cost.value(zL, aL, y);
    if (costs !== undefined) costs[k] = divisor === undefined ? sum : sum / divisor;
    let delta: ArrayLike<number> = cost.delta(output, zL, aL, y, w);
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
        const next = new Float64Array(below.units);
        for (let j = 0; j < below.units; j++) next[j] = below.dC_dA[j]! * below.dA_dZ[j]!;
        delta = next;
      }
    }
  }
  const trained = layers.map(({ W, b, units, fanIn }) => ({
    W: Array.from({ length: units }, (_, i) => Array.from(W.subarray(i * fanIn, (i + 1) * fanIn))),
    b: Array.from(b),
  }));
  return costs === undefined ? { params: trained } : { params: trained, costs };
}
