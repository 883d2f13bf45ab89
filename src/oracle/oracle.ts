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
import { requestMemo } from "./requestMemo.ts";
import { oracleStep, oracleTrain } from "./step.ts";

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
  step(
    network: NetworkSpec,
    params: ParamsLike,
    inputs: MatrixLike,
    targets: MatrixLike,
    learningRate: DecimalLike,
  ): { readonly params: DecimalParams; readonly gradients: OracleGradients };
  train(
    network: NetworkSpec,
    params: ParamsLike,
    inputs: MatrixLike,
    targets: MatrixLike,
    learningRate: DecimalLike,
    order: readonly number[],
  ): { readonly params: DecimalParams; readonly costs: readonly Decimal[] };
  /** f(x) and f′(x) of an elementwise activation (softmax: see `layerActivation`). */
  activation(name: Activation, x: DecimalLike): DecimalActivation;
  /** A whole layer's a = f(z) and Jacobian diagonal (and, for softmax, the Jacobian). */
  layerActivation(name: Activation, z: readonly DecimalLike[]): DecimalLayerActivation;
}

/** The default working precision, in significant digits. */
export const DEFAULT_ORACLE_PRECISION = 50;

/** An oracle computing at `precision` significant digits (default 50). */
export function createOracle(options: { readonly precision?: number } = {}): Oracle {
  const precision = options.precision ?? DEFAULT_ORACLE_PRECISION;
  const D = decimalConstructor(precision);
  const params = (p: ParamsLike): DecimalParams => toDecimalParams(D, p);
  const matrix = (m: MatrixLike) => toDecimalMatrix(D, m);
  // a case comes back once per method (fixtures: forward, gradients, step): small requests' answers are memoised
  const gradients = requestMemo((network: NetworkSpec, p: ParamsLike, inputs: MatrixLike, targets: MatrixLike) =>
    oracleGradients(D, network, params(p), matrix(inputs), matrix(targets)));
  return {
    precision,
    D,
    decimal: (x) => toDecimal(D, x),
    forward: (network, p, inputs) => oracleForward(D, network, params(p), matrix(inputs)),
    gradients,
    step: (network, p, inputs, targets, learningRate) =>
      oracleStep(D, network, params(p), matrix(inputs), matrix(targets), toDecimal(D, learningRate), gradients(network, p, inputs, targets)),
    train: (network, p, inputs, targets, learningRate, order) => {
      const bad = order.find((s) => !(Number.isInteger(s) && s >= 0 && s < inputs.length));
      if (bad !== undefined) throw new RangeError(`oracle.train: order holds ${bad}, expected sample indices 0..${inputs.length - 1}`);
      return oracleTrain(D, network, params(p), matrix(inputs), matrix(targets), toDecimal(D, learningRate), order);
    },
    activation: (name, x) => decimalActivation(D, name, toDecimal(D, x)),
    layerActivation: (name, z) => decimalLayerActivation(D, name, z.map((x) => toDecimal(D, x))),
  };
}
