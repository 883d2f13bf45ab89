import { DTYPES, type Dtype } from "../gradcheck/index.ts";

/** Where float64 and float32 activations break: overflow and underflow of exp, saturation, (1 + e^−x)² overflow. */
const EDGES: readonly number[] = [
  709.78, 709.782712893384, 710, 744.44, 745, 745.1332191019411, 746, // float64 exp overflows / underflows to 0
  354.89, 354.9, 355, // (1 + e^−x)² overflows in float64 below x ≈ −354.89
  88.7, 88.72283935546875, 87.33654475055311, 89, 103, 103.97207708, 104, // the same for float32
  36.7, 37.5, 19.06, 9.01, 16.6, 17.33, 17.5, // σ and tanh round to ±1 (float64, float32)
];

/** The smallest positive subnormal, the largest subnormal and the smallest normal, for each dtype (and a few between). */
const TINY: readonly number[] = [
  5e-324, 1e-323, 1e-320, 1e-315, 1e-310, 2.2e-308, 2.225073858507201e-308, 2.2250738585072014e-308,
  1.401298464324817e-45, 1e-44, 1e-40, 1.1754942106924411e-38, 1.1754943508222875e-38,
];

/** Values around the ReLU kink (with their negatives and ±0). */
const KINK: readonly number[] = [1e-300, 1e-16, 1e-8];

/** Largest |x| the audit sends. */
export const DOMAIN_LIMIT = 1e3;

/**
 * The audit's inputs for `dtype`, sorted ascending with −0 before +0: ±0, subnormals and tiny normals, values
 * around the ReLU kink, a grid k/8 on [−40, 40], a grid of step 8 on 40 < |x| ≤ 1000, eight log-spaced
 * points per decade for 1e−20 ≤ |x| ≤ 1e3 and one per three decades below, the overflow edges of exp, and the
 * activation's own extra points (with their negatives).
 * For float32 every point is rounded to float32 first (and duplicates dropped), so the audit measures the
 * function at the numbers the implementation holds, not the rounding of its input.
 */
export function auditDomain(dtype: Dtype, extraPoints: readonly number[] = []): number[] {
  const magnitudes: number[] = [...EDGES, ...TINY, ...KINK, ...extraPoints];
  for (let k = 1; k <= 320; k++) magnitudes.push(k / 8);
  for (let x = 48; x <= DOMAIN_LIMIT; x += 8) magnitudes.push(x);
  for (let e = -160; e <= 24; e++) magnitudes.push(10 ** (e / 8));
  for (let e = -307; e < -20; e += 3) magnitudes.push(10 ** e);
  const { round } = DTYPES[dtype];
  const points = [-0, 0, ...magnitudes.flatMap((m) => [round(m), -round(m)])].filter((x) => Math.abs(x) <= DOMAIN_LIMIT);
  const unique = new Map<string, number>();
  for (const x of points) unique.set(Object.is(x, -0) ? "-0" : String(x), x);
  return [...unique.values()].sort(compareWithSignedZero);
}

/** Ascending order in which −0 comes just before +0. */
export function compareWithSignedZero(a: number, b: number): number {
  if (a === b) return (Object.is(b, -0) ? 1 : 0) - (Object.is(a, -0) ? 1 : 0);
  return a - b;
}
