import type { Decimal } from "decimal.js";
import type { Activation, NetworkSpec } from "../network/types.ts";
import { decimalActivation, decimalLayerActivation, type DecimalActivation, type DecimalLayerActivation } from "./activations.ts";
import {
  decimalConstructor,
  toDecimal,
  toDecimalMatrix,
  toDecimalParams,
  type DecimalConstructor,
  type DecimalLike,
  type DecimalParams,
} from "./decimal.ts";
import { oracleForward, type DecimalLayerValues } from "./forward.ts";
import { oracleGradients, type OracleGradients } from "./gradients.ts";
import { memoised, memoKey } from "./oracleMemo.ts";
import { toDecimalOptimizerState, type DecimalOptimizerState, type ExactOptimizer, type OptimizerStateLike } from "./optimizerStep.ts";
import { oracleStep, oracleTrain, type OracleOptimizer } from "./step.ts";

/** Parameters in any form the oracle reads: numbers (exact binary value), decimal strings or Decimals. */
export type ParamsLike = readonly { readonly W: readonly (readonly DecimalLike[])[]; readonly b: readonly DecimalLike[] }[];
export type MatrixLike = readonly (readonly DecimalLike[])[];

/** The exact reference: the network's maths in decimal.js, sharing no arithmetic with the float64 code. */
export interface Oracle {
  /** Significant digits every operation is rounded to. */
  readonly precision: number;
  /** The Decimal constructor bound to that precision. */
  readonly D: DecimalConstructor;
  decimal(x: DecimalLike): Decimal;
  forward(network: NetworkSpec, params: ParamsLike, inputs: MatrixLike): DecimalLayerValues[];
  gradients(network: NetworkSpec, params: ParamsLike, inputs: MatrixLike, targets: MatrixLike): OracleGradients;
  /** θ − L·∇C(θ), or `optimizer`'s update from `state` (null/absent: fresh), with the state after it. */
  step(
    network: NetworkSpec,
    params: ParamsLike,
    inputs: MatrixLike,
    targets: MatrixLike,
    learningRate: DecimalLike,
    optimizer?: ExactOptimizer,
    state?: OptimizerStateLike,
  ): { readonly params: DecimalParams; readonly gradients: OracleGradients; readonly state?: DecimalOptimizerState };
  train(
    network: NetworkSpec,
    params: ParamsLike,
    inputs: MatrixLike,
    targets: MatrixLike,
    learningRate: DecimalLike,
    order: readonly number[],
    optimizer?: ExactOptimizer,
    state?: OptimizerStateLike,
  ): { readonly params: DecimalParams; readonly costs: readonly Decimal[]; readonly state?: DecimalOptimizerState };
  /** f(x) and f′(x) of an elementwise activation (softmax: see `layerActivation`). */
  activation(name: Activation, x: DecimalLike): DecimalActivation;
  /** A whole layer's a = f(z) and Jacobian diagonal (and, for softmax, the Jacobian). */
  layerActivation(name: Activation, z: readonly DecimalLike[]): DecimalLayerActivation;
}

/** The default working precision, in significant digits. */
export const DEFAULT_ORACLE_PRECISION = 50;

/**
 * An oracle computing at `precision` significant digits (default 50). `memoise: false` computes every answer afresh
 * and keeps none (for a stream of requests that never repeat, such as a stress sweep's: memoising them would only
 * push out of the shared memo the answers that other requests will ask for again).
 */
export function createOracle(options: { readonly precision?: number; readonly memoise?: boolean } = {}): Oracle {
  const precision = options.precision ?? DEFAULT_ORACLE_PRECISION;
  const memoise = options.memoise ?? true;
  const D = decimalConstructor(precision);
  const params = (p: ParamsLike): DecimalParams => toDecimalParams(D, p);
  const matrix = (m: MatrixLike) => toDecimalMatrix(D, m);
  // Answers are memoised per exact request (see oracleMemo.ts), the optimizer and its state
  // part of the request; `size` is the answer's count of decimal values.
  const memo = <T>(method: string, network: NetworkSpec, inputs: MatrixLike, parts: readonly unknown[], compute: () => T): T => {
    if (!memoise) return compute();
    const size = answerSize(network, inputs.length);
    return memoised(() => memoKey([precision, method, network, inputs, ...parts]), method === "step" || method === "train" ? 4 * size : size, compute);
  };
  const withState = (optimizer: ExactOptimizer | undefined, state: OptimizerStateLike): OracleOptimizer | undefined =>
    optimizer === undefined ? undefined : { optimizer, state: toDecimalOptimizerState(D, optimizer, state) };
  const gradients = (network: NetworkSpec, p: ParamsLike, inputs: MatrixLike, targets: MatrixLike): OracleGradients =>
    memo("gradients", network, inputs, [p, targets], () => oracleGradients(D, network, params(p), matrix(inputs), matrix(targets)));
  return {
    precision,
    D,
    decimal: (x) => toDecimal(D, x),
    forward: (network, p, inputs) => memo("forward", network, inputs, [p], () => oracleForward(D, network, params(p), matrix(inputs))),
    gradients,
    // a step's gradients are those of its params and batch: the memoised answer when the case came as gradients too
    step: (network, p, inputs, targets, learningRate, optimizer, state) =>
      memo("step", network, inputs, [p, targets, learningRate, optimizer ?? null, state ?? null], () =>
        oracleStep(D, network, params(p), matrix(inputs), matrix(targets), toDecimal(D, learningRate), withState(optimizer, state), gradients(network, p, inputs, targets))),
    train: (network, p, inputs, targets, learningRate, order, optimizer, state) => {
      const bad = order.find((s) => !(Number.isInteger(s) && s >= 0 && s < inputs.length));
      if (bad !== undefined) throw new RangeError(`oracle.train: order holds ${bad}, expected sample indices 0..${inputs.length - 1}`);
      return memo("train", network, inputs, [p, targets, learningRate, order, optimizer ?? null, state ?? null], () =>
        oracleTrain(D, network, params(p), matrix(inputs), matrix(targets), toDecimal(D, learningRate), order, withState(optimizer, state)));
    },
    activation: (name, x) => decimalActivation(D, name, toDecimal(D, x)),
    layerActivation: (name, z) => decimalLayerActivation(D, name, z.map((x) => toDecimal(D, x))),
  };
}

/** Decimal values in a gradients answer: every parameter, and five values per unit and sample. */
function answerSize(network: NetworkSpec, samples: number): number {
  let size = 0;
  for (let l = 1; l < network.layers.length; l++) size += (network.layers[l - 1]! + 1 + 5 * samples) * network.layers[l]!;
  return size;
}
