/**
 * Activation checks: `activation/<name>/audit` runs the activation audit (src/activationAudit) on one activation —
 * f and f′ over ±0, subnormals, the ReLU kink, a dense grid, |x| up to 1e3 and the overflow edges of exp — and
 * fails on non-finite answers, a broken convention (ReLU′(0) = 0) or lost accuracy on the core domain |x| ≤ 30;
 * lossy ranges elsewhere are reported in the details, not failed.
 */
import { auditActivation, auditVectorActivation, CORE_LIMIT, describeLossyRanges, DOMAIN_LIMIT, describeRange, formatUlps, LOSSY_ULPS, showX, type ActivationAudit, type FunctionAudit, type PointError, type VectorAudit, type VectorEntryError } from "../activationAudit/index.ts";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import type { EntryResult } from "../gradcheck/index.ts";
import type { Check, CheckContext, CheckOutcome } from "../harness/check.ts";
import { ACTIVATIONS, type Activation } from "../network/types.ts";
import { significant } from "./entryHeatmap.ts";

/** Failing points shown per check in the per-entry table. */
const MAX_ENTRIES = 24;
/** The worst core-domain violations shown per function (f, f′). */
const MAX_CORE_ENTRIES = 8;

/** One `activation/<name>/audit` check per activation nncheck knows. */
export function activationChecks(): Check[] {
  return ACTIVATIONS.map(activationCheck);
}

function activationCheck(name: Activation): Check {
  const id = `activation/${name}/audit`;
  const entry = ACTIVATION_TABLE[name];
  if (entry.kind === "vector") {
    return {
      id,
      description: `${name}(z) and its Jacobian are finite on ${entry.audit.vectors.length} logit vectors (huge logits such as (1000, 0) and (−1000, −1000) included) and stay within ${LOSSY_ULPS.float64} ulps (float64) / ${LOSSY_ULPS.float32} ulps (float32) of the exact values, or the roundings of max-subtraction, where max |z| ≤ ${CORE_LIMIT}.`,
      needs: { methods: ["activation"], activations: [name] },
      run: async (context) => vectorAuditOutcome(id, await auditVectorActivation(context.implementation, name, { dtype: context.dtype }), context),
    };
  }
  const kink = entry.kink;
  return {
    id,
    description: `${name}(x) and ${name}′(x) are finite on ±0, subnormals, the ReLU kink, a dense grid, |x| ≤ 1e3 and the overflow edges of exp${kink !== undefined ? `, follow ${kink.convention.replace(/ \(.*\)$/, "")},` : ""} and stay within ${LOSSY_ULPS.float64} ulps (float64) / ${LOSSY_ULPS.float32} ulps (float32) of the exact values on |x| ≤ ${CORE_LIMIT} (σ′, tanh′: or within the gradient engine's absolute allowance).`,
    needs: { methods: ["activation"], activations: [name] },
    async run(context: CheckContext): Promise<CheckOutcome> {
      // The audit's own 30-digit oracle (shared across checks, caching), not context.oracle: see auditOracle.
      const audit = await auditActivation(context.implementation, name, { dtype: context.dtype });
      return activationAuditOutcome(id, audit, context);
    },
  };
}

/** A check outcome from the audit of a layer activation: the verdict, the worst entries, the failing ones, replay. */
export function vectorAuditOutcome(id: string, audit: VectorAudit, context: Pick<CheckContext, "seed" | "replayPrefix">): CheckOutcome {
  const { name, dtype } = audit;
  const z = (e: VectorEntryError) => `(${audit.vectors[e.vector]!.map(showX).join(", ")})`;
  const worst = (e: VectorEntryError | undefined) => (e === undefined ? "none finite" : `${formatUlps(e.ulps)} ulps at ${e.entry}, z = ${z(e)}`);
  const row = (e: VectorEntryError, why: string): EntryResult => ({
    entry: `${e.entry} z = ${z(e)}`, expected: e.exact, actual: e.actual, absError: e.absError,
    relError: e.absError === 0 ? 0 : e.absError / Math.abs(e.exact), tolerance: e.allowed, ok: false, why,
  });
  const entries = [
    ...audit.nonFinite.slice(0, 8).map((e) => row(e, "not a finite number; the exact value is finite")),
    ...[...audit.coreViolations].sort((a, b) => b.ulps - a.ulps).slice(0, MAX_CORE_ENTRIES).map((e) => row(e, `core domain max |z| ≤ ${CORE_LIMIT}: ${formatUlps(e.ulps)} ulps of ${dtype}, allowed ${LOSSY_ULPS[dtype]} ulps or the roundings of max-subtraction`)),
  ];
  const lossyVectors = [...new Set(audit.lossy.map((e) => e.vector))];
  const lossy = lossyVectors.length === 0 ? "no lossy entry" : `accuracy lost (reported, not failed) beyond ${LOSSY_ULPS[dtype]} ulps at ${audit.lossy.length} entries of ${lossyVectors.length} vectors outside the core, e.g. z = ${z(audit.lossy[0]!)}`;
  const details = {
    seed: context.seed,
    replay: `${context.replayPrefix} --only ${id}`,
    compared: audit.entries.length,
    dtype,
    worstUlps: { value: audit.worst.value ?? null, jacobian: audit.worst.jacobian ?? null },
    nonFinite: audit.nonFinite.length,
    lossy: audit.lossy.slice(0, 20),
    failures: audit.failures,
    ...(entries.length > 0 ? { entries } : {}),
  };
  const summary = `worst ${worst(audit.worst.value)} (f), ${worst(audit.worst.jacobian)} (Jacobian) of ${dtype} over ${audit.vectors.length} logit vectors`;
  if (audit.ok) return { status: "passed", message: `${name}: f and its Jacobian agree with the exact oracle; ${summary}; ${lossy}`, details };
  const more = audit.failures.length > 1 ? ` (+${audit.failures.length - 1} more: ${audit.failures.slice(1).join("; ")})` : "";
  return { status: "failed", message: `${name}: ${audit.failures[0]}${more}`, details };
}

/** A check outcome from an audit: the verdict, worst errors, non-finite inputs, lossy ranges, failing points, replay. */
export function activationAuditOutcome(id: string, audit: ActivationAudit, context: Pick<CheckContext, "seed" | "replayPrefix">): CheckOutcome {
  const { name, dtype } = audit;
  const worst = (f: FunctionAudit) => (f.worst === undefined ? "none finite" : `${formatUlps(f.worst.ulps)} ulps at x = ${showX(f.worst.x)}`);
  const lossy = describeLossyRanges(audit);
  const entries = failingEntries(audit).slice(0, MAX_ENTRIES);
  const details = {
    seed: context.seed,
    replay: `${context.replayPrefix} --only ${id}`,
    compared: 2 * audit.points,
    dtype,
    rules: `fails on non-finite answers, broken conventions, and errors beyond max(${LOSSY_ULPS[dtype]} ulps, the engine's absolute allowance) on |x| ≤ ${CORE_LIMIT}; reports every range beyond ${LOSSY_ULPS[dtype]} ulps`,
    worstUlps: { value: pointSummary(audit.value.worst), derivative: pointSummary(audit.derivative.worst) },
    nonFinite: { value: nonFiniteSummary(audit.value), derivative: nonFiniteSummary(audit.derivative) },
    lossyRanges: {
      value: audit.value.lossy.map((r) => ({ ...r, text: describeRange(r) })),
      derivative: audit.derivative.lossy.map((r) => ({ ...r, text: describeRange(r) })),
    },
    conventions: audit.conventions,
    notes: audit.notes,
    failures: audit.failures,
    ulpCurve: ulpCurve(audit),
    ...(entries.length > 0 ? { entries } : {}),
  };
  const summary = `worst ${worst(audit.value)} (f), ${worst(audit.derivative)} (f′) of ${dtype} over ${audit.points} inputs`;
  if (audit.ok) {
    const lost = lossy.length === 0 ? "no lossy range" : `accuracy lost (reported, not failed): ${lossy.join("; ")}`;
    return { status: "passed", message: `${name}: f and f′ agree with the exact oracle; ${summary}; ${lost}`, details };
  }
  const more = audit.failures.length > 1 ? ` (+${audit.failures.length - 1} more: ${audit.failures.slice(1).join("; ")})` : "";
  const lost = lossy.length === 0 ? "" : `; accuracy lost: ${lossy.join("; ")}`;
  return { status: "failed", message: `${name}: ${audit.failures[0]}${more}${lost}`, details };
}

/** Bins of the ulp curve over x, on the axis t = sign(x)·log10(1 + |x|) (linear near 0, logarithmic beyond 1). */
export const ULP_CURVE_BINS = 200;

/** The ulp error over x for a report's plot: per bin of the axis, the x range of its points and the worst ulps of f and f′. */
export interface UlpCurve {
  readonly axis: "sign(x)·log10(1 + |x|)";
  readonly bins: number;
  /** The ulps beyond which a point is lossy (LOSSY_ULPS of the dtype), and the core domain's bound on |x|. */
  readonly lossyUlps: number;
  readonly coreLimit: number;
  /** Per non-empty bin: the smallest and largest x in it, the worst ulps of f and of f′ (3 significant digits; Infinity for a non-finite answer). */
  readonly x0: readonly number[];
  readonly x1: readonly number[];
  readonly value: readonly number[];
  readonly derivative: readonly number[];
}

/** The audit's per-point ulps, reduced to the worst per bin: every point counted, the JSON a few kB. */
export function ulpCurve(audit: ActivationAudit): UlpCurve {
  const axis = (x: number) => Math.sign(x) * Math.log10(1 + Math.abs(x));
  const limit = axis(DOMAIN_LIMIT);
  const bins = new Map<number, { x0: number; x1: number; value: number; derivative: number }>();
  audit.value.points.forEach((p, k) => {
    const bin = Math.min(ULP_CURVE_BINS - 1, Math.max(0, Math.floor(((axis(p.x) + limit) / (2 * limit)) * ULP_CURVE_BINS)));
    const d = audit.derivative.points[k]!.ulps;
    const b = bins.get(bin);
    if (b === undefined) bins.set(bin, { x0: p.x, x1: p.x, value: p.ulps, derivative: d });
    else bins.set(bin, { x0: Math.min(b.x0, p.x), x1: Math.max(b.x1, p.x), value: Math.max(b.value, p.ulps), derivative: Math.max(b.derivative, d) });
  });
  const sorted = [...bins].sort(([a], [b]) => a - b).map(([, b]) => b);
  return {
    axis: "sign(x)·log10(1 + |x|)", bins: ULP_CURVE_BINS, lossyUlps: LOSSY_ULPS[audit.dtype], coreLimit: CORE_LIMIT,
    x0: sorted.map((b) => b.x0), x1: sorted.map((b) => b.x1),
    value: sorted.map((b) => significant(b.value)), derivative: sorted.map((b) => significant(b.derivative)),
  };
}

function pointSummary(p: PointError | undefined) {
  return p === undefined ? null : { x: p.x, exact: p.exact, actual: p.actual, ulps: p.ulps };
}

function nonFiniteSummary(f: FunctionAudit) {
  const x = f.nonFinite;
  return { count: x.length, ...(x.length > 0 ? { from: x[0], to: x[x.length - 1], inputs: x.slice(0, 20) } : {}) };
}

/** The points that broke a rule, as per-entry rows (`relu′(0)`, `logistic′(-720)`): conventions, the ends of non-finite runs, the worst core violations. */
function failingEntries(audit: ActivationAudit): EntryResult[] {
  const rows: EntryResult[] = [];
  for (const part of ["value", "derivative"] as const) {
    const f = part === "value" ? audit.name : `${audit.name}′`;
    const entry = (p: PointError, why: string): EntryResult => ({
      entry: `${f}(${showX(p.x)})`,
      expected: p.exact,
      actual: p.actual,
      absError: p.absError,
      relError: p.absError === 0 ? 0 : p.absError / Math.abs(p.exact),
      tolerance: p.allowed,
      ok: false,
      why,
    });
    const points = audit[part].points;
    const kink = ACTIVATION_TABLE[audit.name].kink;
    if (kink !== undefined) {
      const pinned = part === "derivative" ? kink.derivative : kink.value;
      const convention = part === "derivative" ? `${kink.convention} by convention` : `${audit.name}(±0) = 0`;
      rows.push(...points.filter((p) => p.x === 0 && p.actual !== pinned).map((p) => entry(p, convention)));
    }
    // A run of NaNs is one finding: its two ends on each side say where it starts and stops.
    const nonFinite = points.filter((p) => !Number.isFinite(p.actual));
    const ends = nonFinite.length <= 4 ? nonFinite : [...nonFinite.slice(0, 2), ...nonFinite.slice(-2)];
    rows.push(...ends.map((p) => entry(p, `not a finite number (${p.actual}); the exact value is finite${nonFinite.length > 4 ? ` (one of ${nonFinite.length} from x = ${showX(nonFinite[0]!.x)} to ${showX(nonFinite.at(-1)!.x)})` : ""}`)));
    const worstCore = [...audit[part].coreViolations].sort((a, b) => b.ulps - a.ulps).slice(0, MAX_CORE_ENTRIES);
    rows.push(...worstCore.map((p) => entry(p, `core domain |x| ≤ ${CORE_LIMIT}: ${formatUlps(p.ulps)} ulps of ${audit.dtype}, allowed ${LOSSY_ULPS[audit.dtype]} ulps or the engine's absolute allowance`)));
  }
  return rows;
}
