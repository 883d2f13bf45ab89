import type { GradientsRequest, GradientsResult, ForwardRequest, ForwardResult, StepRequest, StepResult } from "../implementation.ts";
import type { LayerParams, Matrix, Params, Vector } from "../network/types.ts";
import { createOracle, toNumberParams, type Oracle, type OracleGradients } from "../oracle/index.ts";
import { biasName, entryResult, layerValueName, weightName, type EntryResult } from "./entry-result.ts";
import { exactToNumbers, type ExactGradients } from "./exact-values.ts";
import { gradientScales, stepScales, type GradientScales, type ParamScales } from "./rounding-scale.ts";
import type { Dtype } from "./tolerance.ts";

/** The verdict on one answer: every entry, the failing ones first-class, and shape problems that stopped a comparison. */
export interface Comparison {
  readonly ok: boolean;
  readonly entries: readonly EntryResult[];
  readonly failures: readonly EntryResult[];
  readonly problems: readonly string[];
}

export interface CompareOptions {
  /** The dtype the implementation declared in hello. */
  readonly dtype: Dtype;
  /** Where exact values come from (default: a fresh 50-digit oracle). */
  readonly oracle?: Oracle;
  /**
   * Whether the request's numbers reach the implementation only approximately — true for float32 (it rounds them)
   * and for fixtures whose decimal strings are not float64 values. Default: dtype === "float32".
   */
  readonly roundedInputs?: boolean;
}

interface Context {
  readonly dtype: Dtype;
  readonly oracle: Oracle;
  readonly roundedInputs: boolean;
}

const contextOf = (o: CompareOptions): Context => ({
  dtype: o.dtype,
  oracle: o.oracle ?? createOracle(),
  roundedInputs: o.roundedInputs ?? o.dtype === "float32",
});

/** The oracle's exact gradients (and forward pass) for a request. */
export function oracleGradientsFor(request: GradientsRequest, options: CompareOptions): OracleGradients {
  return contextOf(options).oracle.gradients(request.network, request.params, request.inputs, request.targets);
}

/**
 * The oracle's gradients for a request, as numbers, with their rounding scales for `options.dtype`
 * (pass `exact` to reuse one oracle evaluation for several dtypes or comparisons).
 */
export function exactGradientsWithScales(
  request: GradientsRequest,
  options: CompareOptions,
  paramScales?: readonly ParamScales[],
  exact: ExactGradients = exactToNumbers(oracleGradientsFor(request, options)),
): { exact: ExactGradients; scales: GradientScales } {
  const c = contextOf(options);
  const scales = gradientScales({ ...request, exact, dtype: c.dtype, roundedInputs: c.roundedInputs, paramScales: paramScales ?? inputParamScales(request.params, c.roundedInputs) });
  return { exact, scales };
}

/** Parameters' own scales: |θ| when they reach the implementation rounded, else 0. */
export function inputParamScales(params: Params, rounded: boolean): ParamScales[] {
  const e = (x: number) => (rounded ? Math.abs(x) : 0);
  return params.map(({ W, b }) => ({ W: W.map((r) => r.map(e)), b: b.map(e) }));
}

/**
 * Compares a `forward` answer with the oracle, entry by entry (`Z1[s][i]`, `A1[s][i]`, …); `exact` may be the
 * oracle's gradients for the same params and inputs (any targets), to save an evaluation.
 */
export function compareForward(request: ForwardRequest, actual: ForwardResult, options: CompareOptions, exactGradients?: OracleGradients): Comparison {
  const targets = request.inputs.map(() => new Array<number>(request.network.layers.at(-1)!).fill(0));
  const withTargets = { ...request, targets };
  const { exact, scales } = exactGradientsWithScales(withTargets, options, undefined, exactToNumbers(exactGradients ?? oracleGradientsFor(withTargets, options)));
  const entries: EntryResult[] = [], problems: string[] = [];
  if (actual.layers.length !== exact.layers.length) problems.push(`layers has ${actual.layers.length} entries, expected ${exact.layers.length}`);
  exact.layers.forEach((layer, l) => {
    const got = actual.layers[l];
    if (!got) return;
    for (const [what, key] of [["Z", "z"], ["A", "a"]] as const) {
      if (!sameShape(`${what}${l + 1}`, layer[key], got[key], problems)) continue;
      layer[key].forEach((row, s) => row.forEach((x, i) => {
        const scale = scales.layers[l]![key][s]![i]!;
        const kink = key === "z" ? "" : scales.layers[l]!.ambiguous[s]![i] ? "; ReLU input within rounding of 0: either branch" : "";
        entries.push(entryResult(layerValueName(what, l, s, i), x, got[key][s]![i]!, options.dtype, scale, `dot product of ${request.network.layers[l]! + 1} terms and what its inputs carry${kink}`));
      }));
    }
  });
  return verdict(entries, problems);
}

/** Compares a `gradients` answer with the oracle: `cost`, then every `W1[i][j]`, `b1[i]`, … */
export function compareGradients(request: GradientsRequest, actual: GradientsResult, options: CompareOptions, exactWithScales = exactGradientsWithScales(request, options)): Comparison {
  const { exact, scales } = exactWithScales;
  const n = request.inputs.length;
  const entries: EntryResult[] = [entryResult("cost", exact.cost, actual.cost, options.dtype, scales.cost, `mean of ${n}×${request.network.layers.at(-1)} squared errors`)];
  const problems: string[] = [];
  entries.push(...paramEntries(exact.grads, actual.grads, scales.grads, options.dtype, problems, (l, kind, i, j) => {
    const local = kind === "W" ? scales.gradsLocal[l]!.W[i]![j!]! : scales.gradsLocal[l]!.b[i]!;
    const total = kind === "W" ? scales.grads[l]!.W[i]![j!]! : scales.grads[l]!.b[i]!;
    const kink = scales.layers[l]!.ambiguous.some((row) => row[i]) ? "; unit's ReLU input within rounding of 0: either branch" : "";
    return `local ${local.toPrecision(3)} for the ${n}-sample sum, propagated ${(total - local).toPrecision(3)} from delta and a${kink}`;
  }));
  return verdict(entries, problems);
}

/** Compares a `step` answer with θ − L·∇C(θ) from the oracle (`exact`: its gradients for this request, if at hand). */
export function compareStep(request: StepRequest, actual: StepResult, options: CompareOptions, exactGradients?: OracleGradients): Comparison {
  const c = contextOf(options);
  const g = exactGradients ?? oracleGradientsFor(request, c);
  const L = c.oracle.decimal(request.learningRate);
  const next = toNumberParams(request.params.map(({ W, b }, l) => ({
    W: W.map((row, i) => row.map((w, j) => c.oracle.decimal(w).minus(L.times(g.grads[l]!.W[i]![j]!)))),
    b: b.map((v, i) => c.oracle.decimal(v).minus(L.times(g.grads[l]!.b[i]!))),
  })));
  const Etheta = inputParamScales(request.params, c.roundedInputs);
  const { exact, scales } = exactGradientsWithScales(request, c, Etheta, exactToNumbers(g));
  const E = stepScales(request.params, exact.grads, next, Etheta, scales.grads, request.learningRate, c.roundedInputs ? Math.abs(request.learningRate) : 0, c.dtype);
  const problems: string[] = [];
  const entries = paramEntries(next, actual.params, E, options.dtype, problems, () => `θ − L·g: θ's and g's scales plus two roundings`);
  return verdict(entries, problems);
}

/** Entries for every W and b of two parameter-shaped values; shape mismatches become problems. */
export function paramEntries(
  expected: readonly LayerParams[],
  actual: readonly LayerParams[],
  scales: readonly ParamScales[],
  dtype: Dtype,
  problems: string[],
  detail: (l: number, kind: "W" | "b", i: number, j?: number) => string,
): EntryResult[] {
  const entries: EntryResult[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} layers of parameters, expected ${expected.length}`);
  expected.forEach(({ W, b }, l) => {
    const got = actual[l];
    if (!got) return;
    if (sameShape(`W${l + 1}`, W, got.W, problems)) {
      W.forEach((row, i) => row.forEach((x, j) => entries.push(entryResult(weightName(l, i, j), x, got.W[i]![j]!, dtype, scales[l]!.W[i]![j]!, detail(l, "W", i, j)))));
    }
    if (sameLength(`b${l + 1}`, b, got.b, problems)) {
      b.forEach((x, i) => entries.push(entryResult(biasName(l, i), x, got.b[i]!, dtype, scales[l]!.b[i]!, detail(l, "b", i))));
    }
  });
  return entries;
}

function sameShape(name: string, expected: Matrix, actual: Matrix | undefined, problems: string[]): boolean {
  const shape = (m: Matrix) => `${m.length}×${m[0]?.length ?? 0}`;
  if (!Array.isArray(actual) || actual.length !== expected.length || actual.some((r) => !Array.isArray(r) || r.length !== expected[0]!.length)) {
    problems.push(`${name} has shape ${Array.isArray(actual) ? shape(actual) : typeof actual}, expected ${shape(expected)}`);
    return false;
  }
  return true;
}

function sameLength(name: string, expected: Vector, actual: Vector | undefined, problems: string[]): boolean {
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    problems.push(`${name} has ${Array.isArray(actual) ? actual.length : typeof actual} entries, expected ${expected.length}`);
    return false;
  }
  return true;
}

export function verdict(entries: readonly EntryResult[], problems: readonly string[]): Comparison {
  const failures = entries.filter((e) => !e.ok);
  return { ok: failures.length === 0 && problems.length === 0, entries, failures, problems };
}
