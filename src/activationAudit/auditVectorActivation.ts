/**
 * The audit of a layer activation (softmax): value and Jacobian of an implementation against the exact oracle on the
 * family table's logit vectors (huge logits on either side of exp's overflow included), in ulps of the declared
 * dtype at the exact value. The rules are the elementwise audit's, entry by entry:
 *   FAILS on  a NaN or ±Infinity anywhere (every exact value is finite: softmax(1000, 0) = (1, 0)), an answer of the
 *             wrong shape, and — on the core domain, vectors with max |z| ≤ 30 — an error beyond LOSSY_ULPS that is
 *             also beyond the table's absolute allowance (the roundings of z_i − max z, of the sum, of a_i − a_i²);
 *   REPORTS   every entry beyond LOSSY_ULPS outside the core, as accuracy lost.
 */
import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE, type VectorActivation } from "../family/activations.ts";
import { DTYPES, type Dtype } from "../gradcheck/index.ts";
import type { Implementation } from "../implementation.ts";
import type { Activation } from "../network/types.ts";
import type { Oracle } from "../oracle/index.ts";
import { allowedError, CORE_LIMIT, failsCoreBound, LOSSY_ULPS } from "./auditRules.ts";
import { auditOracle } from "./exactActivation.ts";
import { formatUlps, showX } from "./lossyRanges.ts";
import { auditError, exactFacts } from "./ulpError.ts";

/** One audited entry: value[i] or Jacobian[i][j] of one logit vector. */
export interface VectorEntryError {
  /** `softmax(z#3)[1]`, `J(z#3)[1][0]`. */
  readonly entry: string;
  /** Which vector of the domain. */
  readonly vector: number;
  readonly i: number;
  /** Undefined for a value entry. */
  readonly j: number | undefined;
  readonly exact: number;
  readonly actual: number;
  readonly ulps: number;
  readonly absError: number;
  readonly ulp: number;
  readonly allowed: number;
  /** Whether the vector lies in the core domain (max |z| ≤ CORE_LIMIT). */
  readonly core: boolean;
}

export interface VectorAudit {
  readonly name: Activation;
  readonly dtype: Dtype;
  /** The logit vectors sent (rounded to the dtype). */
  readonly vectors: readonly (readonly number[])[];
  readonly entries: readonly VectorEntryError[];
  readonly worst: { readonly value: VectorEntryError | undefined; readonly jacobian: VectorEntryError | undefined };
  readonly nonFinite: readonly VectorEntryError[];
  readonly coreViolations: readonly VectorEntryError[];
  /** Entries beyond LOSSY_ULPS outside the core domain: reported, not failed. */
  readonly lossy: readonly VectorEntryError[];
  readonly failures: readonly string[];
  readonly ok: boolean;
}

const exactCache = new WeakMap<Oracle, Map<string, { value: Decimal[]; jacobian: Decimal[][] }>>();

/** The oracle's f(z) and Jacobian, cached per oracle (audits of several implementations share the vectors). */
function exactLayer(oracle: Oracle, name: Activation, z: readonly number[]): { value: Decimal[]; jacobian: Decimal[][] } {
  let cache = exactCache.get(oracle);
  if (cache === undefined) exactCache.set(oracle, (cache = new Map()));
  const key = `${name}:${z.map(showX).join(",")}`;
  let e = cache.get(key);
  if (e === undefined) {
    const layer = oracle.layerActivation(name, z);
    cache.set(key, (e = { value: layer.value, jacobian: layer.jacobian ?? [] }));
  }
  return e;
}

/** Audits the layer activation `name` of `implementation` (see the module comment); throws what the implementation throws. */
export async function auditVectorActivation(implementation: Implementation, name: Activation, options: { readonly dtype: Dtype; readonly oracle?: Oracle }): Promise<VectorAudit> {
  const entry = ACTIVATION_TABLE[name] as VectorActivation;
  if (entry.kind !== "vector") throw new RangeError(`auditVectorActivation: ${name} is elementwise; use auditActivation`);
  const { dtype } = options;
  const oracle = options.oracle ?? auditOracle();
  const { round } = DTYPES[dtype];
  const vectors = entry.audit.vectors.map((z) => z.map(round));
  const answers = await Promise.all(vectors.map((x) => implementation.activation({ name, x })));
  const entries: VectorEntryError[] = [];
  const shapeFailures: string[] = [];
  vectors.forEach((z, v) => {
    const exact = exactLayer(oracle, name, z);
    const a = exact.value.map((x) => exactFacts(oracle, x, dtype).number);
    const core = z.every((x) => Math.abs(x) <= CORE_LIMIT);
    const answer = answers[v]!;
    const J = answer.derivative as readonly (readonly number[])[];
    if (!Array.isArray(answer.value) || answer.value.length !== z.length || !Array.isArray(J) || J.length !== z.length || J.some((row) => !Array.isArray(row) || row.length !== z.length)) {
      shapeFailures.push(`${name}(z#${v}) answered the wrong shape: expected ${z.length} values and a ${z.length}×${z.length} Jacobian`);
      return;
    }
    const add = (label: string, i: number, j: number | undefined, exactValue: Decimal, actual: number) => {
      const facts = exactFacts(oracle, exactValue, dtype);
      const { absError, ulps } = auditError(oracle, actual, exactValue, dtype, facts);
      const allowance = entry.audit.allowance(z, a, i, j, DTYPES[dtype].u);
      entries.push({ entry: label, vector: v, i, j, exact: facts.number, actual, ulps, absError, ulp: facts.ulpNumber, allowed: allowedError(facts.ulpNumber, allowance, dtype), core });
    };
    exact.value.forEach((x, i) => add(`${name}(z#${v})[${i}]`, i, undefined, x, answer.value[i]!));
    exact.jacobian.forEach((row, i) => row.forEach((x, j) => add(`J(z#${v})[${i}][${j}]`, i, j, x, J[i]![j]!)));
  });
  const finite = entries.filter((e) => Number.isFinite(e.actual));
  const worstOf = (part: "value" | "jacobian") => {
    const of = finite.filter((e) => (e.j === undefined) === (part === "value"));
    return of.length === 0 ? undefined : of.reduce((w, e) => (e.ulps > w.ulps ? e : w));
  };
  const nonFinite = entries.filter((e) => !Number.isFinite(e.actual));
  const coreViolations = finite.filter((e) => e.core && failsCoreBound(0, e.absError, e.allowed));
  const lossy = finite.filter((e) => !e.core && e.ulps > LOSSY_ULPS[dtype]);
  const show = (e: VectorEntryError) => `${e.entry} at z = (${vectors[e.vector]!.map(showX).join(", ")})`;
  const failures = [...shapeFailures];
  if (nonFinite.length > 0) {
    failures.push(`${nonFinite.length} entr${nonFinite.length === 1 ? "y is" : "ies are"} not finite, first ${show(nonFinite[0]!)} = ${nonFinite[0]!.actual} (exact ${nonFinite[0]!.exact}): subtract max z before exponentiating`);
  }
  if (coreViolations.length > 0) {
    const w = coreViolations.reduce((m, e) => (e.ulps > m.ulps ? e : m));
    failures.push(`${coreViolations.length} entr${coreViolations.length === 1 ? "y loses" : "ies lose"} accuracy on the core domain (max |z| ≤ ${CORE_LIMIT}) beyond ${LOSSY_ULPS[dtype]} ulps and the allowance, worst ${formatUlps(w.ulps)} ulps: ${show(w)} (exact ${w.exact}, got ${w.actual})`);
  }
  return { name, dtype, vectors, entries, worst: { value: worstOf("value"), jacobian: worstOf("jacobian") }, nonFinite, coreViolations, lossy, failures, ok: failures.length === 0 };
}
