import fc from "fast-check";

/** The grid of logits and shifts: multiples of 2^−8 (so that z + c is exact, see `logitShiftArb`). */
export const LOGIT_GRID = 2 ** -8;

/** Logits where softmax goes wrong: exp's overflow in float32 (88.7) and float64 (709.8), underflow (−745), 800, 1000. */
export const HUGE_LOGITS: readonly number[] = [0, 88.75, -88.75, 104, 709.75, 710, -745, 800, -800, 1000, -1000];

const onGrid = (max: number) => fc.integer({ min: -max / LOGIT_GRID, max: max / LOGIT_GRID }).map((k) => k * LOGIT_GRID);

/**
 * A vector of 1–8 logits on the 2^−8 grid with |z| ≤ 1024: moderate ones (|z| ≤ 32), huge ones, and the overflow
 * points of HUGE_LOGITS, mixed. Every entry is exact in float32 and float64.
 */
export function logitVectorArb(options: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<number[]> {
  const logit = fc.oneof({ weight: 2, arbitrary: onGrid(32) }, { weight: 1, arbitrary: onGrid(1024) }, { weight: 1, arbitrary: fc.constantFrom(...HUGE_LOGITS) });
  return fc.array(logit, { minLength: options.minLength ?? 1, maxLength: options.maxLength ?? 8 });
}

/**
 * A non-zero shift c on the 2^−8 grid with |c| ≤ 8192 (small ones, huge ones, ±1000, ±2000, 8192): with |z| ≤ 1024,
 * z + c is a multiple of 2^−8 below 2^14 in magnitude, 22 significant bits, so exact in float32 and float64.
 */
export function logitShiftArb(): fc.Arbitrary<number> {
  return fc
    .oneof(onGrid(64), onGrid(8192), fc.constantFrom(1000, -1000, 2000, -2000, 8192))
    .map((c) => (c === 0 ? 1 : c));
}
