/**
 * Per-entry tolerances from the verdict engine, for properties that compare the implementation with itself: each
 * side of such a relation is within the engine's tolerance of the exact value, so a relation allows the sum of the
 * two sides' tolerances, each doubled (never a blanket constant).
 */
import {
  biasName,
  compareStep,
  compareTrain,
  entryResult,
  exactGradientsWithScales,
  exactToNumbers,
  layerValueName,
  oracleGradientsFor,
  weightName,
  type ExactGradients,
  type ParamScales,
} from "../gradcheck/index.ts";
import type { CheckContext } from "../harness/check.ts";
import type { GradientsRequest, StepRequest, TrainRequest } from "../implementation.ts";
import type { OracleGradients } from "../oracle/index.ts";
import { tolerancesOf } from "./relation.ts";

/** What the engine allows a correct implementation on one request, by entry name, and the exact values behind it. */
export interface EngineTolerances {
  /** `cost`, `W1[i][j]`, `b1[i]` (gradients), `Z1[s][i]`, `A1[s][i]` (forward values) → tolerance. */
  readonly byEntry: ReadonlyMap<string, number>;
  /** The oracle's values rounded to float64. */
  readonly exact: ExactGradients;
  /** The same exact values by entry name. */
  readonly exactByEntry: ReadonlyMap<string, number>;
  /** The oracle's own answer, to reuse in `compareStep`. */
  readonly oracleGradients: OracleGradients;
}

/** Context fields the engine needs. */
export type EngineContext = Pick<CheckContext, "dtype" | "oracle">;

/**
 * The engine's tolerance for every cost, gradient and forward entry of `request` (one oracle evaluation);
 * `paramScales` marks parameters that carry rounding of their own (see `gradientScales`).
 */
export function engineTolerances(request: GradientsRequest, context: EngineContext, paramScales?: readonly ParamScales[]): EngineTolerances {
  const options = { dtype: context.dtype, oracle: context.oracle };
  const oracleGradients = oracleGradientsFor(request, options);
  const { exact, scales } = exactGradientsWithScales(request, options, paramScales, exactToNumbers(oracleGradients));
  const byEntry = new Map<string, number>();
  const exactByEntry = new Map<string, number>();
  const add = (name: string, expected: number, scale: number) => {
    byEntry.set(name, entryResult(name, expected, expected, context.dtype, scale, "").tolerance);
    exactByEntry.set(name, expected);
  };
  add("cost", exact.cost, scales.cost);
  exact.grads.forEach(({ W, b }, l) => {
    W.forEach((row, i) => row.forEach((g, j) => add(weightName(l, i, j), g, scales.grads[l]!.W[i]![j]!)));
    b.forEach((g, i) => add(biasName(l, i), g, scales.grads[l]!.b[i]!));
  });
  exact.layers.forEach(({ z, a }, l) => {
    z.forEach((row, s) => row.forEach((v, i) => add(layerValueName("Z", l, s, i), v, scales.layers[l]!.z[s]![i]!)));
    a.forEach((row, s) => row.forEach((v, i) => add(layerValueName("A", l, s, i), v, scales.layers[l]!.a[s]![i]!)));
  });
  return { byEntry, exact, exactByEntry, oracleGradients };
}

/**
 * A remark for a failed relation when the answers (`[entry, value]` pairs of the original request) are already
 * wrong against the exact oracle: a relation's tolerances hold for correct implementations only.
 */
export function oracleRemark(tolerances: EngineTolerances, answers: readonly (readonly [string, number])[]): string | undefined {
  const wrong = answers.filter(([name, value]) => {
    const exact = tolerances.exactByEntry.get(name);
    return exact !== undefined && !(Math.abs(value - exact) <= tolerances.byEntry.get(name)!);
  });
  if (wrong.length === 0) return undefined;
  const names = wrong.slice(0, 3).map(([name]) => name).join(", ");
  return `note: these answers already disagree with the exact oracle at ${names}${wrong.length > 3 ? ", …" : ""}, see property/gradients/oracle`;
}

/** The engine's tolerance for every parameter of a `step` answer (`oracleGradients`: the request's, if at hand). */
export function stepTolerances(request: StepRequest, context: EngineContext, oracleGradients?: OracleGradients): ReadonlyMap<string, number> {
  return tolerancesOf(compareStep(request, { params: request.params }, { dtype: context.dtype, oracle: context.oracle }, oracleGradients));
}

/** The engine's tolerance for every final parameter of a `train` answer (scales carried over the steps). */
export function trainTolerances(request: TrainRequest, context: EngineContext): ReadonlyMap<string, number> {
  return tolerancesOf(compareTrain(request, { params: request.params }, { dtype: context.dtype, oracle: context.oracle }));
}
