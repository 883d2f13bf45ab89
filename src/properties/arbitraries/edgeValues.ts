import fc from "fast-check";
import type { Dtype } from "../../gradcheck/index.ts";
import { dtypeLimits, toDtype, uniformDouble } from "./numbers.ts";

/**
 * Inputs where activations go wrong, for the declared dtype: ±0 (the ReLU kink), ±subnormal and ±smallest normal,
 * ±1, ±½, the largest finite value, and where float32/float64 exp overflows or σ rounds to 0 or 1
 * (±16.6, ±36.8, ±88.8, ±104, ±709.8, ±710, ±745.2, ±1000). Every value is representable in the dtype.
 */
export function edgeValues(dtype: Dtype): number[] {
  const { minSubnormal, minNormal, max } = dtypeLimits(dtype);
  const magnitudes = [minSubnormal, minNormal, 0.5, 1, 16.6, 36.8, 88.8, 104, 709.8, 710, 745.2, 1000, max];
  return [0, -0, ...magnitudes.flatMap((m) => [m, -m])].map((x) => toDtype(x, dtype));
}

/**
 * One finite input for an activation, in the dtype: an edge value, a double from the whole finite range
 * (`fc.double`: every magnitude, subnormals included) or a moderate one from [−50, 50].
 */
export function edgeDouble(dtype: Dtype): fc.Arbitrary<number> {
  const { max } = dtypeLimits(dtype);
  return fc
    .oneof(fc.constantFrom(...edgeValues(dtype)), fc.double({ min: -max, max, noNaN: true }), uniformDouble(-50, 50))
    .map((x) => toDtype(x, dtype));
}

/** A vector of finite activation inputs (one `activation` request evaluates them all). */
export function activationInputs(dtype: Dtype, options: { readonly minLength?: number; readonly maxLength?: number } = {}): fc.Arbitrary<number[]> {
  return fc.array(edgeDouble(dtype), { minLength: options.minLength ?? 1, maxLength: options.maxLength ?? 16 });
}
