/**
 * The activation audit's pass/fail rules in one place (the module doc of auditActivation.ts states them in prose).
 */
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { DTYPES, type Dtype } from "../gradcheck/index.ts";
import type { Activation } from "../network/types.ts";

/** Above this many ulps (of the declared dtype, at the exact value) a point counts as "accuracy lost". */
export const LOSSY_ULPS: Readonly<Record<Dtype, number>> = { float64: 8, float32: 4, float16: 4, bfloat16: 4 };

/** The core domain |x| ≤ CORE_LIMIT, where accuracy loss beyond the bound fails the audit. */
export const CORE_LIMIT = 30;

/**
 * The absolute error the gradient engine itself allows an exactly-fed activation at x, from the family table (e.g.
 * SAFETY·T·u·(|f′| + f²) for σ′ and tanh′: formed as σ(1 − σ) or 1 − tanh², they err by ~u·f² however small f′ is).
 */
export function absoluteAllowance(name: Activation, part: "value" | "derivative", value: number, derivative: number, dtype: Dtype): number {
  const f = ACTIVATION_TABLE[name];
  return f.kind === "elementwise" ? f.audit.allowance(part, value, derivative, DTYPES[dtype].u) : 0;
}

/**
 * The largest error the core bound allows at a point: LOSSY_ULPS ulps of the dtype, the engine's absolute allowance,
 * or — where e^−x underflows inside the core domain (float16: e^−30 is below its smallest normal 2^−14) — half a
 * subnormal spacing of such an exp carried through z·σ(z) and the like, times up to |x| ≤ CORE_LIMIT (2 × 30 × 2^−25
 * in float16; nothing in float64, float32 and bfloat16, whose e^−30 is normal).
 */
export function allowedError(ulp: number, allowance: number, dtype: Dtype): number {
  const { minNormal, minSubnormal } = DTYPES[dtype];
  const underflow = Math.exp(-CORE_LIMIT) < minNormal ? CORE_LIMIT * minSubnormal : 0;
  return Math.max(LOSSY_ULPS[dtype] * ulp, allowance, underflow);
}

/** Whether a finite error at x fails the audit: only inside the core domain, and only beyond `allowedError`. */
export function failsCoreBound(x: number, absError: number, allowed: number): boolean {
  return Math.abs(x) <= CORE_LIMIT && absError > allowed;
}
