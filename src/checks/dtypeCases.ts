/**
 * The oracle checks' cases as a narrow dtype holds them: for float16 and bfloat16 (DTYPES[dtype].sendsRounded) each
 * case is rounded to the dtype before it is sent, and a case whose exact passes go beyond the dtype's range is not
 * sent; after the comparison a case with an answered entry beyond the range (a train run that grew) is not counted.
 * Every case left out is named with its reason in the check's message; float64 and float32 get their cases as ever.
 */
import { roundCase, type CaseNumbers } from "../cases/roundCase.ts";
import { DTYPES, exactToNumbers, exactTrainSteps, oracleGradientsFor, outOfRange, outOfRangeReason, passOutOfRange, type Dtype } from "../gradcheck/index.ts";
import type { CheckOutcome } from "../harness/check.ts";
import type { TrainRequest } from "../implementation.ts";
import type { Oracle } from "../oracle/index.ts";
import type { ComparedCase } from "./comparisonOutcome.ts";

/** The cases to send, each with its index among those drawn (its replay and train order keep it), and the left-out ones. */
export interface DtypeCases<T> {
  readonly cases: readonly (T & { readonly index: number })[];
  /** One line per case left out: `case 2 (saturated): the cost = 6.40e+5 … is beyond float16's largest finite value 65504`. */
  readonly dropped: readonly string[];
}

/** The drawn cases rounded to `dtype` and those within its range, when the dtype is sent rounded numbers. */
export function casesForDtype<T extends { readonly kind: string; readonly c: CaseNumbers }>(drawn: readonly T[], dtype: Dtype, oracle: Oracle): DtypeCases<T> {
  if (!DTYPES[dtype].sendsRounded) return { cases: drawn.map((d, index) => ({ ...d, index })), dropped: [] };
  const cases: (T & { index: number })[] = [];
  const dropped: string[] = [];
  drawn.forEach((d, index) => {
    const c = roundCase(d.c, dtype);
    const exact = exactToNumbers(oracleGradientsFor(c, { dtype, oracle, roundedInputs: false }));
    const why = passOutOfRange(exact, c.network, c.inputs.length, dtype);
    if (why === undefined) cases.push({ ...d, c, index });
    else dropped.push(`case ${index} (${d.kind}): ${why}`);
  });
  return { cases, dropped };
}

/** Whether the numbers a check sends reach a `dtype` implementation only rounded by it (float32's float64s). */
export function arrivesRounded(dtype: Dtype): boolean {
  return dtype !== "float64" && !DTYPES[dtype].sendsRounded;
}

/**
 * The compared cases with an answered entry beyond `dtype`'s range left out, each with its reason — and `train`
 * cases whose exact run, or its carried tolerance, goes beyond it at some step (passes screened step by step).
 */
export function withinRange(results: readonly ComparedCase[], dtype: Dtype, oracle: Oracle): { readonly kept: ComparedCase[]; readonly dropped: string[] } {
  const kept: ComparedCase[] = [];
  const dropped: string[] = [];
  for (const r of results) {
    const train = typeof r.request === "object" && r.request !== null && "order" in r.request;
    const entry = DTYPES[dtype].sendsRounded ? outOfRange(r.comparison.entries, dtype, train) : undefined;
    const why = entry !== undefined ? outOfRangeReason(entry, dtype) : DTYPES[dtype].sendsRounded ? trainOutOfRange(r.request, dtype, oracle) : undefined;
    if (why === undefined) kept.push(r);
    else dropped.push(`case ${r.index} (${r.kind}): ${why}`);
  }
  return { kept, dropped };
}

/** For a `train` request, why its exact run leaves `dtype`'s range at some step (see `passOutOfRange`), or undefined. */
function trainOutOfRange(request: unknown, dtype: Dtype, oracle: Oracle): string | undefined {
  if (typeof request !== "object" || request === null || !("order" in request)) return undefined;
  const t = request as TrainRequest;
  const steps = exactTrainSteps(oracle, t.network, t.params, t.inputs, t.targets, t.learningRate, t.order);
  for (const [k, step] of steps.entries()) {
    const why = passOutOfRange(exactToNumbers(step.gradients), t.network, 1, dtype);
    if (why !== undefined) return `at step ${k}, ${why}`;
  }
  return undefined;
}

/** `outcome` with the left-out cases said; skipped, with the reason, when nothing was left to compare. */
export function withDropped(outcome: CheckOutcome | undefined, dropped: readonly string[], total: number, dtype: Dtype): CheckOutcome {
  if (outcome === undefined) return { status: "skipped", message: `all ${total} cases are beyond ${dtype}'s range (${dropped[0]}${dropped.length > 1 ? `; +${dropped.length - 1} more` : ""})`, details: { dropped } };
  if (dropped.length === 0) return outcome;
  const note = `${dropped.length} of ${total} cases left out as beyond ${dtype}'s range (${dropped[0]}${dropped.length > 1 ? `; +${dropped.length - 1} more` : ""})`;
  return { ...outcome, message: `${outcome.message}; ${note}`, details: { ...outcome.details, dropped } };
}
