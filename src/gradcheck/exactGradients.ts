import type { LayerParams, Matrix } from "../network/types.ts";
import { toNumberMatrix, toNumberParams, type OracleGradients } from "../oracle/index.ts";

/** One layer of the oracle's pass, rounded to float64 (`[sample][unit]`). */
export interface ExactLayer {
  readonly z: Matrix;
  readonly a: Matrix;
  /** f′(z) */
  readonly dA_dZ: Matrix;
  /** dC/dz */
  readonly delta: Matrix;
  /** dC/da */
  readonly dC_dA: Matrix;
}

/** The oracle's cost, gradients and intermediates as float64 numbers: what tolerances and diagnoses are built from. */
export interface ExactGradients {
  readonly cost: number;
  readonly grads: readonly LayerParams[];
  readonly layers: readonly ExactLayer[];
}

/** Answers already rounded, by the oracle's answer: a memoised oracle answer (see oracleMemo.ts) is rounded once. */
const rounded = new WeakMap<OracleGradients, ExactGradients>();

/** The oracle's answer rounded to float64 (each value correctly rounded from its decimal). */
export function exactToNumbers(g: OracleGradients): ExactGradients {
  let numbers = rounded.get(g);
  if (numbers === undefined) rounded.set(g, (numbers = roundToNumbers(g)));
  return numbers;
}

function roundToNumbers(g: OracleGradients): ExactGradients {
  return {
    cost: g.cost.toNumber(),
    grads: toNumberParams(g.grads),
    layers: g.layers.map((layer, l) => ({
      z: toNumberMatrix(layer.z),
      a: toNumberMatrix(layer.a),
      dA_dZ: toNumberMatrix(layer.dA_dZ),
      delta: toNumberMatrix(g.deltas[l]!),
      dC_dA: toNumberMatrix(g.dC_dA[l]!),
    })),
  };
}
