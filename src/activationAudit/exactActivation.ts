import type { Activation } from "../network/types.ts";
import { createOracle, type DecimalActivation, type Oracle } from "../oracle/index.ts";
import { showX } from "./lossyRanges.ts";

/**
 * Significant digits of the audit's own oracle: an ulp error to 3 digits needs about 20 (float64 holds 17), and
 * decimal.js's exp costs twice as much at the default 50 — over some 1,500 inputs per activation that is seconds.
 */
export const AUDIT_PRECISION = 30;

let shared: Oracle | undefined;

/** The oracle audits use unless given one: 30 digits, shared, so its cached exact values serve every audit in a run. */
export function auditOracle(): Oracle {
  return (shared ??= createOracle({ precision: AUDIT_PRECISION }));
}

const exactCache = new WeakMap<Oracle, Map<string, DecimalActivation>>();

/**
 * The oracle's f(x) and f′(x), cached per oracle (audits of several implementations share one domain). The oracle
 * rounds the input of a transcendental activation to precision + 10 significant digits first (a relative change
 * ≤ 1e−60 that moves no result at 50 digits, while decimal.js's tanh on the ~750-digit exact value of a tiny
 * double takes ~25 ms a call); ReLU and the identity see the exact binary value.
 */
export function exactActivation(oracle: Oracle, name: Activation, x: number): DecimalActivation {
  let cache = exactCache.get(oracle);
  if (cache === undefined) exactCache.set(oracle, (cache = new Map()));
  const key = `${name}:${showX(x)}`;
  let e = cache.get(key);
  if (e === undefined) {
    cache.set(key, (e = oracle.activation(name, x)));
  }
  return e;
}
