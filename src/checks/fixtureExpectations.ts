/**
 * A fixture's stored exact values in the oracle's shapes, so that the fixture checks compare an implementation with
 * what the fixture file says (the oracle contributes only the intermediates the file does not store, for the
 * rounding scales), and a hint when a stored value disagrees with the oracle's own recomputation of it.
 */
import { biasName, exactToNumbers, layerValueName, weightName, type Comparison, type ExactGradients, type ExactTrainStep } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { DecimalMatrixJson, DecimalParamsJson, DecimalString, RandomCaseEntry, WorkedExampleCase } from "../fixtures/index.ts";
import type { LayerParams } from "../network/types.ts";
import { toNumberParams, type DecimalParams, type Oracle, type OracleGradients } from "../oracle/index.ts";

/** What a fixture stores for one case: the forward pass, the cost, the gradients and the parameters after one step. */
export interface StoredCase {
  readonly layers: readonly { readonly z: DecimalMatrixJson; readonly a: DecimalMatrixJson }[];
  readonly cost: DecimalString;
  readonly grads: DecimalParamsJson;
  readonly step: DecimalParamsJson;
}

/** A random case's stored values. */
export function storedRandomCase(c: Pick<RandomCaseEntry, "expected">): StoredCase {
  return { layers: c.expected.forward, cost: c.expected.cost, grads: c.expected.gradients, step: c.expected.step };
}

/** A worked-example case's stored values (one sample: each forward value is a row of one). */
export function storedWorkedExample(c: WorkedExampleCase): StoredCase {
  const row = (values: readonly { readonly exact: DecimalString }[]): DecimalMatrixJson => [values.map((v) => v.exact)];
  const { forward: f, gradients: g } = c;
  return {
    layers: [{ z: row(f.z1), a: row(f.a1) }, { z: row(f.z2), a: row(f.a2) }],
    cost: c.cost,
    grads: [{ W: g.dC_dW1, b: g.dC_db1 }, { W: g.dC_dW2, b: g.dC_db2 }],
    step: c.step,
  };
}

/** `exact` (the oracle's pass over the case) with the forward values, cost and gradients the fixture stores. */
export function withStoredValues(oracle: Oracle, exact: OracleGradients, stored: StoredCase): OracleGradients {
  const d = (m: DecimalMatrixJson) => m.map((row) => row.map((x) => oracle.decimal(x)));
  return {
    ...exact,
    cost: oracle.decimal(stored.cost),
    grads: decimalParams(oracle, stored.grads),
    layers: exact.layers.map((layer, l) => ({ ...layer, z: d(stored.layers[l]!.z), a: d(stored.layers[l]!.a) })),
  };
}

/** Fixture parameters (or gradients) as Decimals. */
export function decimalParams(oracle: Oracle, p: DecimalParamsJson): DecimalParams {
  return p.map(({ W, b }) => ({ W: W.map((row) => row.map((x) => oracle.decimal(x))), b: b.map((x) => oracle.decimal(x)) }));
}

/** Every value of an exact pass by its entry name (`cost`, `Z1[0][2]`, `W2[0][1]`, …), as float64. */
export function namedValues(exact: ExactGradients): Map<string, number> {
  const named = new Map<string, number>([["cost", exact.cost]]);
  exact.layers.forEach((layer, l) => {
    layer.z.forEach((row, s) => row.forEach((x, i) => named.set(layerValueName("Z", l, s, i), x)));
    layer.a.forEach((row, s) => row.forEach((x, i) => named.set(layerValueName("A", l, s, i), x)));
  });
  for (const [name, x] of namedParams(exact.grads)) named.set(name, x);
  return named;
}

/** Parameter-shaped values by entry name (`W1[i][j]`, `b1[i]`, …). */
export function namedParams(params: readonly LayerParams[]): Map<string, number> {
  const named = new Map<string, number>();
  params.forEach(({ W, b }, l) => {
    W.forEach((row, i) => row.forEach((x, j) => named.set(weightName(l, i, j), x)));
    b.forEach((x, i) => named.set(biasName(l, i), x));
  });
  return named;
}

/** The oracle's and the fixture's values of a comparison's entries, by name. */
export interface EntrySources {
  readonly recomputed: ReadonlyMap<string, number>;
  readonly stored: ReadonlyMap<string, number>;
}

/**
 * A hint when failing entries' stored values differ from the oracle's recomputation from the fixture's own
 * inputs: then the fixture file, not (only) the implementation, is wrong.
 */
export function corruptionHint(file: string, comparison: Comparison, sources: EntrySources): Hint | undefined {
  const suspicious = comparison.failures.filter((e) => {
    const stored = sources.stored.get(e.entry), recomputed = sources.recomputed.get(e.entry);
    return stored !== undefined && recomputed !== undefined && stored !== recomputed;
  });
  if (suspicious.length === 0) return undefined;
  const first = suspicious[0]!;
  return {
    kind: "fixture-corrupted",
    message: `${file} stores ${first.entry} = ${sources.stored.get(first.entry)}, but recomputing it from the file's own inputs gives ${sources.recomputed.get(first.entry)}${suspicious.length > 1 ? ` (and ${suspicious.length - 1} more such entries)` : ""}: the fixture file itself looks corrupted ('npm run fixtures -- --check' names the first difference)`,
  };
}

/** `exactToNumbers` of both passes, as entry sources for `corruptionHint`. */
export function gradientSources(recomputed: OracleGradients, stored: OracleGradients): EntrySources {
  return { recomputed: namedValues(exactToNumbers(recomputed)), stored: namedValues(exactToNumbers(stored)) };
}

/** Entry sources for parameter-shaped values. */
export function paramSources(recomputed: DecimalParams, stored: DecimalParams): EntrySources {
  return { recomputed: namedParams(toNumberParams(recomputed)), stored: namedParams(toNumberParams(stored)) };
}

/** Entry sources for a `train` chunk: each step's cost (`costs[k]`) and the final parameters. */
export function trainSources(recomputed: readonly ExactTrainStep[], stored: readonly ExactTrainStep[]): EntrySources {
  const of = (steps: readonly ExactTrainStep[]) => {
    const named = namedParams(toNumberParams(steps.at(-1)!.params));
    steps.forEach((step, k) => named.set(`costs[${k}]`, step.gradients.cost.toNumber()));
    return named;
  };
  return { recomputed: of(recomputed), stored: of(stored) };
}
