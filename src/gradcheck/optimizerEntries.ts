/**
 * The parts an optimizer comparison shares between step and train: states as flat float64 arrays with their scales,
 * and the entries of an answer (params, then the state: `m of W1[0][2]`, `v of b2[0]`, `momentumBuffer of …`,
 * `state.step`) against exact values.
 */
import type { Optimizer, OptimizerState } from "../implementation.ts";
import type { Params } from "../network/types.ts";
import { toNumberParams, type DecimalOptimizerState, type DecimalParams } from "../oracle/index.ts";
import { paramEntries } from "./comparison.ts";
import { entryResult, type EntryResult } from "./entryResult.ts";
import type { ParamScales } from "./gradientScales.ts";
import type { OptimizerScales } from "./optimizerScales.ts";
import type { Dtype } from "./tolerance.ts";

/** A state as flat float64 arrays (every W then b, layer by layer), with the scales of its entries. */
export interface FlatState {
  readonly step: number;
  readonly buffer: number[] | null;
  readonly m: number[] | null;
  readonly v: number[] | null;
  readonly Ebuffer: number[] | null;
  readonly Em: number[] | null;
  readonly Ev: number[] | null;
}

/** Every W then b, layer by layer. */
export const flatParams = (p: readonly { readonly W: readonly (readonly number[])[]; readonly b: readonly number[] }[]): number[] => p.flatMap(({ W, b }) => [...W.flat(), ...b]);

/** Flat `values` shaped like `template`. */
export function shapedLike(template: Params, values: readonly number[]): ParamScales[] {
  let k = 0;
  return template.map(({ W, b }) => ({ W: W.map((row) => row.map(() => values[k++]!)), b: b.map(() => values[k++]!) }));
}

/** A wire state (absent/null: fresh) as a flat state; its entries' scales are |x| when they reach the implementation rounded. */
export function flatWireState(state: OptimizerState | null | undefined, rounded: boolean): FlatState {
  const e = (xs: number[] | null) => (xs === null ? null : xs.map((x) => (rounded ? Math.abs(x) : 0)));
  if (state == null) return { step: 0, buffer: null, m: null, v: null, Ebuffer: null, Em: null, Ev: null };
  if ("momentumBuffer" in state) {
    const buffer = state.momentumBuffer === null ? null : flatParams(state.momentumBuffer);
    return { step: 0, buffer, m: null, v: null, Ebuffer: e(buffer), Em: null, Ev: null };
  }
  const m = flatParams(state.m), v = flatParams(state.v);
  return { step: state.step, buffer: null, m, v, Ebuffer: null, Em: e(m), Ev: e(v) };
}

/** An exact state after an update, as float64 with the update's scales. */
export function flatExactState(state: DecimalOptimizerState, E: OptimizerScales): FlatState {
  if ("momentumBuffer" in state) {
    return { step: 0, buffer: state.momentumBuffer === null ? null : flatParams(toNumberParams(state.momentumBuffer)), m: null, v: null, Ebuffer: E.buffer, Em: null, Ev: null };
  }
  return { step: state.step, buffer: null, m: flatParams(toNumberParams(state.m)), v: flatParams(toNumberParams(state.v)), Ebuffer: null, Em: E.m, Ev: E.v };
}

/** Entries of an optimizer's answer `actual` (params and state) against the exact params and state after the update. */
export function optimizerAnswerEntries(
  optimizer: Optimizer,
  exactParams: DecimalParams,
  exactState: DecimalOptimizerState,
  E: OptimizerScales,
  actual: { readonly params: Params; readonly state?: OptimizerState },
  dtype: Dtype,
  problems: string[],
  detail: string,
): EntryResult[] {
  const template = toNumberParams(exactParams);
  const entries = paramEntries(template, actual.params, shapedLike(template, E.theta), dtype, problems, () => detail);
  const state = actual.state as Record<string, unknown> | undefined;
  if (state === undefined || state === null) {
    problems.push("state is missing: a request with an optimizer is answered with the state after it");
    return entries;
  }
  const part = (key: "momentumBuffer" | "m" | "v", exact: DecimalParams | null, scales: number[] | null) => {
    const got = state[key];
    if (exact === null) {
      if (got !== null && got !== undefined) problems.push(`state.${key} is a buffer, expected null (momentum 0 keeps no buffer)`);
      return;
    }
    if (got === null || got === undefined) return void problems.push(`state.${key} is ${String(got)}, expected ${key === "momentumBuffer" ? "the momentum buffer after this step" : `Adam's ${key} after this step`}`);
    const own: string[] = [];
    const exactNumbers = toNumberParams(exact);
    const found = paramEntries(exactNumbers, got as Params, shapedLike(exactNumbers, scales ?? []), dtype, own, () => `${key} after the update: its operands' scales plus one rounding per operation`);
    problems.push(...own.map((p) => `state.${key}: ${p}`));
    entries.push(...found.map((e) => ({ ...e, entry: `${key} of ${e.entry}` })));
  };
  if ("momentumBuffer" in exactState) part("momentumBuffer", exactState.momentumBuffer, E.buffer);
  else {
    entries.push(entryResult("state.step", exactState.step, typeof state["step"] === "number" ? state["step"] : Number.NaN, dtype, 0, "the steps taken: an integer, exact"));
    part("m", exactState.m, E.m);
    part("v", exactState.v, E.v);
  }
  return entries;
}
