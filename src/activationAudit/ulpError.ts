import type { Decimal } from "decimal.js";
import { DTYPES, type Dtype } from "../gradcheck/index.ts";
import type { Oracle } from "../oracle/index.ts";

/** A dtype's binary format (p significand bits, the smallest normal exponent, the largest exponent): the dtype table. */
const FORMATS = DTYPES;

/** The exponent e of 2^e ≤ |v| < 2^(e+1) for a finite non-zero Decimal, exactly (powers of two compared in decimal). */
function binaryExponent(oracle: Oracle, v: Decimal): number {
  const abs = v.abs();
  const approx = abs.toNumber();
  if (approx === 0) return -1075; // below every subnormal: the caller's max(e, emin) takes over
  if (approx === Number.POSITIVE_INFINITY) return 1024;
  let e = Math.floor(Math.log2(approx));
  // log2 of a number rounded to float64 can be one off near a power of two: settle it in decimal
  if (abs.lt(powerOfTwo(oracle, e))) e -= 1;
  else if (abs.gte(powerOfTwo(oracle, e + 1))) e += 1;
  return e;
}

const powers = new WeakMap<Oracle, Map<number, Decimal>>();

/** 2^e as an exact Decimal (cached per oracle). */
function powerOfTwo(oracle: Oracle, e: number): Decimal {
  let cache = powers.get(oracle);
  if (cache === undefined) powers.set(oracle, (cache = new Map()));
  let p = cache.get(e);
  if (p === undefined) cache.set(e, (p = e >= -1074 && e <= 1023 ? oracle.decimal(2 ** e) : new oracle.D(2).pow(e)));
  return p;
}

/**
 * One ulp of `dtype` at the exact value v: 2^(max(e, emin) − p + 1) with 2^e ≤ |v| < 2^(e+1). Below the smallest
 * normal (and at 0) that is the subnormal spacing — 2^−1074 for float64, 2^−149 for float32 — so an error there
 * counts in steps of the smallest subnormal; above the largest finite value it stays the top binade's ulp.
 */
export function ulpAt(oracle: Oracle, v: Decimal, dtype: Dtype): Decimal {
  return exactFacts(oracle, v, dtype).ulp;
}

/** What an audit needs of one exact value beside the answer: the value as a number, and the ulp there (Decimal and number). */
export interface ExactFacts {
  readonly number: number;
  readonly ulp: Decimal;
  readonly ulpNumber: number;
}

/** Per exact Decimal and dtype, computed once: the audits' exact values are cached objects met again by every audit of a run. */
const factsCache = new WeakMap<Decimal, Partial<Record<Dtype, ExactFacts>>>();

/** `v` as the nearest number, and one ulp of `dtype` at it (see `ulpAt`), cached per Decimal object. */
export function exactFacts(oracle: Oracle, v: Decimal, dtype: Dtype): ExactFacts {
  let byDtype = factsCache.get(v);
  if (byDtype === undefined) factsCache.set(v, (byDtype = {}));
  const known = byDtype[dtype];
  if (known !== undefined) return known;
  const { p, emin, emax } = FORMATS[dtype];
  const e = v.isZero() ? emin : Math.min(Math.max(binaryExponent(oracle, v), emin), emax);
  const ulp = powerOfTwo(oracle, e - p + 1);
  return (byDtype[dtype] = { number: v.toNumber(), ulp, ulpNumber: ulp.toNumber() });
}

/** |actual − exact| absolutely and in ulps of `dtype` at the exact value (`ulp`, default `ulpAt`); Infinity when `actual` is not finite. */
export function errorOf(oracle: Oracle, actual: number, exact: Decimal, dtype: Dtype, ulp: Decimal = ulpAt(oracle, exact, dtype)): { absError: number; ulps: number } {
  if (!Number.isFinite(actual)) return { absError: Number.POSITIVE_INFINITY, ulps: Number.POSITIVE_INFINITY };
  const error = oracle.decimal(actual).minus(exact).abs();
  return error.isZero() ? { absError: 0, ulps: 0 } : { absError: error.toNumber(), ulps: error.div(ulp).toNumber() };
}

/** Where exactly-rounded answers' errors are kept (most answers of a correct implementation are the exact value rounded). */
const roundedErrors = new WeakMap<ExactFacts, { absError: number; ulps: number }>();

/**
 * `errorOf` with the facts of `exactFacts`: the same numbers, the error of an answer equal to the exact value's
 * nearest number computed once per exact value and dtype.
 */
export function auditError(oracle: Oracle, actual: number, exact: Decimal, dtype: Dtype, facts: ExactFacts = exactFacts(oracle, exact, dtype)): { absError: number; ulps: number } {
  if (actual !== facts.number) return errorOf(oracle, actual, exact, dtype, facts.ulp);
  let known = roundedErrors.get(facts);
  if (known === undefined) roundedErrors.set(facts, (known = errorOf(oracle, facts.number, exact, dtype, facts.ulp)));
  return known;
}

/** |actual − exact| in ulps of `dtype` at the exact value (see `ulpAt`); Infinity when `actual` is not finite. */
export function ulpError(oracle: Oracle, actual: number, exact: Decimal, dtype: Dtype): number {
  return errorOf(oracle, actual, exact, dtype).ulps;
}
