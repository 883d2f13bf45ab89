import { COST_TABLE } from "../family/costs.ts";
import { DTYPES, type Dtype } from "../gradcheck/dtypes.ts";
import type { Matrix, NetworkSpec, Params } from "../network/types.ts";

/** The numbers of a case that reach an implementation: what `roundCase` rounds (other fields pass through). */
export interface CaseNumbers {
  readonly network: NetworkSpec;
  readonly params: Params;
  readonly inputs: Matrix;
  readonly targets: Matrix;
  readonly learningRate: number;
}

/**
 * A case as a `dtype` implementation holds it: parameters, inputs, targets and the learning rate rounded to nearest
 * (ties to even), so that the oracle, computing on the rounded case, computes on exactly the implementation's numbers.
 * A cross-entropy target row is put on the 2^−p grid instead (p: the dtype's significand bits; every multiple of
 * 2^−p in [0, 1] is a dtype value), its largest entry taking the remainder, so the row still sums to 1 exactly.
 */
export function roundCase<C extends CaseNumbers>(c: C, dtype: Dtype): C {
  const { round, p } = DTYPES[dtype];
  const matrix = (m: Matrix) => m.map((row) => row.map(round));
  const probability = COST_TABLE[c.network.cost].targets === "probability";
  return {
    ...c,
    params: c.params.map(({ W, b }) => ({ W: matrix(W), b: b.map(round) })),
    inputs: matrix(c.inputs),
    targets: probability ? c.targets.map((row) => onGrid(row, 2 ** -p)) : matrix(c.targets),
    learningRate: round(c.learningRate),
  };
}

/** A probability vector on the grid of `q`, summing to 1 exactly (the largest entry takes what the others leave). */
function onGrid(row: readonly number[], q: number): number[] {
  const hot = row.reduce((best, y, k) => (y > row[best]! ? k : best), 0);
  const out = row.map((y) => Math.round(y / q) * q);
  out[hot] = 1 - out.reduce((acc, y, k) => (k === hot ? acc : acc + y), 0);
  return out;
}
