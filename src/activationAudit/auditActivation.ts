/**
 * The activation audit: an implementation's f(x) and f′(x) against the exact oracle over a wide domain
 * (`auditDomain`: ±0, subnormals, the ReLU kink, a dense grid, log-spaced |x| up to 1e3, the overflow edges of exp).
 * Errors are measured in ulps of the declared dtype at the exact value (`ulpAt`: the subnormal spacing at 0 and
 * below the smallest normal), the exact values coming from a 30-digit oracle (`auditOracle`, unless given one). The audit
 *   FAILS on  (1) a NaN or ±Infinity anywhere in the domain (every exact value is finite);
 *             (2) a broken convention: ReLU′(±0) ≠ 0 (a ReLU′(0) = 1 is named as such), relu(±0) ≠ 0;
 *             (3) in the core domain |x| ≤ 30, an error beyond LOSSY_ULPS (8 ulps float64, 4 ulps float32) that
 *                 is also beyond the absolute error the gradient engine allows an exactly-fed activation
 *                 (SAFETY·T·u·(|f′| + f²) for σ′ and tanh′: σ(1 − σ) and 1 − tanh² lose relative accuracy where
 *                 f′ is tiny but stay accurate absolutely, which is all backpropagation needs; 0 otherwise);
 *   REPORTS   every "lossy range": each run of the sorted domain where the error exceeds LOSSY_ULPS (runs at most
 *             MERGE_GAP = 3 good points apart joined), inside or outside the core, as an interval with its worst
 *             point — accuracy lost, in ulps, whether or not it fails. A relu(−0) = −0 is noted, not failed
 *             (−0 == 0 in every later sum). For float32 the domain is rounded to float32 first (see auditDomain).
 */
import type { Decimal } from "decimal.js";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { DTYPES, type Dtype } from "../gradcheck/index.ts";
import type { Implementation } from "../implementation.ts";
import type { Activation } from "../network/types.ts";
import type { Oracle } from "../oracle/index.ts";
import { auditDomain } from "./auditDomain.ts";
import { auditOracle, exactActivation } from "./exactActivation.ts";
import { absoluteAllowance, allowedError, CORE_LIMIT, failsCoreBound, LOSSY_ULPS } from "./auditRules.ts";
import { describeRange, formatUlps, lossyRanges, showX, type LossyRange, type PointError } from "./lossyRanges.ts";
import { kinkConventions, type ConventionFinding } from "./kinkConventions.ts";
import { auditError, exactFacts } from "./ulpError.ts";

/** The audit of one function, f or f′, over the domain. */
export interface FunctionAudit {
  /** Every point, in domain order. */
  readonly points: readonly PointError[];
  /** The largest finite error (undefined when no answer was finite). */
  readonly worst: PointError | undefined;
  /** Inputs where the answer was NaN or ±Infinity. */
  readonly nonFinite: readonly number[];
  readonly lossy: readonly LossyRange[];
  /** Finite points of the core domain beyond both LOSSY_ULPS and the engine's absolute allowance (ReLU's ±0 excepted: conventions). */
  readonly coreViolations: readonly PointError[];
}

/** Everything the audit of one activation found, and its verdict. */
export interface ActivationAudit {
  readonly name: Activation;
  readonly dtype: Dtype;
  /** Domain points sent. */
  readonly points: number;
  readonly value: FunctionAudit;
  readonly derivative: FunctionAudit;
  readonly conventions: readonly ConventionFinding[];
  /** Findings that do not fail the audit (a relu(−0) = −0, say). */
  readonly notes: readonly string[];
  /** One sentence per broken rule; empty when the audit passes. */
  readonly failures: readonly string[];
  readonly ok: boolean;
}

export interface AuditOptions {
  /** The dtype the implementation declared: ulps and the domain's rounding follow it. */
  readonly dtype: Dtype;
  /** Where exact values come from (default `auditOracle()`: 30 digits, shared, caching). */
  readonly oracle?: Oracle;
  /** Inputs to send (default `auditDomain(dtype)`); must be sorted ascending for ranges to mean intervals. */
  readonly domain?: readonly number[];
  /** Inputs per `activation` request (default 1000). */
  readonly chunk?: number;
}

/** Audits `name` of `implementation` over the domain (see the module comment for the rules); throws what the implementation throws. */
export async function auditActivation(implementation: Implementation, name: Activation, options: AuditOptions): Promise<ActivationAudit> {
  const { dtype } = options;
  const entry = ACTIVATION_TABLE[name];
  if (entry.kind !== "elementwise") throw new RangeError(`auditActivation: ${name} acts on a whole layer; use auditVectorActivation`);
  const kink = entry.kink;
  const oracle = options.oracle ?? auditOracle();
  const domain = options.domain ?? auditDomain(dtype, entry.audit.extraPoints);
  const chunk = options.chunk ?? 1000;
  const value: number[] = [], derivative: number[] = [];
  for (let start = 0; start < domain.length; start += chunk) {
    const x = domain.slice(start, start + chunk);
    const answer = await implementation.activation({ name, x });
    if (answer.value.length !== x.length || answer.derivative.length !== x.length) {
      throw new Error(`activation(${name}): sent ${x.length} inputs, got ${answer.value.length} values and ${answer.derivative.length} derivatives`);
    }
    value.push(...answer.value);
    derivative.push(...(answer.derivative as readonly number[])); // elementwise: one number per x (shape-checked by the runner)
  }
  const exact = domain.map((x) => exactActivation(oracle, name, x));
  const audit = (part: "value" | "derivative", actual: readonly number[]) =>
    functionAudit(domain.map((x, k): PointError => {
      const exactPart: Decimal = exact[k]![part];
      const a = actual[k]!;
      const facts = exactFacts(oracle, exactPart, dtype);
      const { absError, ulps } = auditError(oracle, a, exactPart, dtype, facts);
      const allowance = absoluteAllowance(name, part, exactFacts(oracle, exact[k]!.value, dtype).number, exactFacts(oracle, exact[k]!.derivative, dtype).number, dtype);
      return { x, exact: facts.number, actual: a, ulps, absError, ulp: facts.ulpNumber, allowed: allowedError(facts.ulpNumber, allowance, dtype) };
    }), dtype, kink !== undefined);
  const valueAudit = audit("value", value);
  const derivativeAudit = audit("derivative", derivative);
  const conventions = kink === undefined ? [] : kinkConventions(name, kink, domain, value, derivative, DTYPES[dtype].round);
  const notes = kink !== undefined && domain.some((x, k) => x === 0 && Object.is(value[k], -0)) ? [`${name}(±0) answered −0: numerically 0, allowed (−0 == 0 in every later sum)`] : [];
  const failures = [
    ...conventions.filter((c) => !c.ok).map((c) => c.message),
    ...(["value", "derivative"] as const).flatMap((part) => partFailures(name, part, part === "value" ? valueAudit : derivativeAudit, dtype)),
  ];
  return { name, dtype, points: domain.length, value: valueAudit, derivative: derivativeAudit, conventions, notes, failures, ok: failures.length === 0 };
}

/** `conventionAtZero`: ±0 are judged by the conventions (ReLU), not again by the core bound. */
function functionAudit(points: readonly PointError[], dtype: Dtype, conventionAtZero: boolean): FunctionAudit {
  const finite = points.filter((p) => Number.isFinite(p.actual));
  return {
    points,
    worst: finite.length === 0 ? undefined : finite.reduce((w, p) => (p.ulps > w.ulps ? p : w)),
    nonFinite: points.filter((p) => !Number.isFinite(p.actual)).map((p) => p.x),
    lossy: lossyRanges(points, LOSSY_ULPS[dtype]),
    coreViolations: finite.filter((p) => !(conventionAtZero && p.x === 0) && failsCoreBound(p.x, p.absError, p.allowed)),
  };
}

function partFailures(name: Activation, part: "value" | "derivative", audit: FunctionAudit, dtype: Dtype): string[] {
  const f = part === "value" ? `${name}(x)` : `${name}′(x)`;
  const failures: string[] = [];
  const bad = audit.nonFinite;
  if (bad.length > 0) {
    const shown = bad.slice(0, 4).map(showX).join(", ");
    failures.push(`${f} is not finite at ${bad.length} input${bad.length === 1 ? "" : "s"} in [${showX(bad[0]!)}, ${showX(bad[bad.length - 1]!)}] (x = ${shown}${bad.length > 4 ? ", …" : ""}); the exact value is finite`);
  }
  const core = audit.coreViolations;
  if (core.length > 0) {
    const worst = core.reduce((w, p) => (p.ulps > w.ulps ? p : w));
    failures.push(`${f} loses accuracy on the core domain |x| ≤ ${CORE_LIMIT}: ${core.length} point${core.length === 1 ? "" : "s"} beyond ${LOSSY_ULPS[dtype]} ulps (${dtype}) and the engine's absolute allowance, worst ${formatUlps(worst.ulps)} ulps at x = ${showX(worst.x)} (exact ${worst.exact}, got ${worst.actual})`);
  }
  return failures;
}

/** The lossy ranges of an audit as sentences, value first: for reports. */
export function describeLossyRanges(audit: ActivationAudit): string[] {
  return (["value", "derivative"] as const).flatMap((part) => audit[part].lossy.map((r) => `${part === "value" ? audit.name : `${audit.name}′`} on ${describeRange(r)}`));
}
