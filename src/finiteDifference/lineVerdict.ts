import type { LineResult } from "./lineDerivatives.ts";
import type { Extrapolation } from "./richardson.ts";
import type { Estimate } from "./types.ts";

export type FdStatus = "ok" | "mismatch" | "at-kink";

/** Where the analytic value of an at-kink entry sits against the one-sided derivatives. */
export type KinkAgreement = "left" | "right" | "between" | "outside";

/** The verdict on one entry (a parameter, or a direction): analytic against numeric, within the numeric's own error. */
export interface FdVerdict {
  /** `W1[1][2]`, `b2[0]`, or `direction[3]`. */
  readonly entry: string;
  /** The implementation's gradient (along the direction, for directional entries). */
  readonly analytic: number;
  /** The extrapolated central difference (for "at-kink": the mean of left and right). */
  readonly numeric: number;
  readonly errorEstimate: number;
  /** safety × errorEstimate + the analytic value's own rounding allowance. */
  readonly tolerance: number;
  readonly status: FdStatus;
  /** One-sided derivatives, for "at-kink". */
  readonly left?: Estimate;
  readonly right?: Estimate;
  readonly kinkAgreement?: KinkAgreement;
  /** Steps actually used (largest first), in the entry's units. */
  readonly steps: readonly number[];
  readonly why: string;
}

/** The default factor between a numeric error estimate and the tolerance it grants. */
export const FD_SAFETY = 4;

const rescale = (e: Extrapolation, unit: number): Estimate => ({ value: e.value / unit, error: e.error / Math.abs(unit), steps: e.steps.map((t) => Math.abs(t * unit)) });
const g = (x: number) => x.toPrecision(6);

/**
 * The verdict for one line: estimates of dC/dτ are divided by `unit` (the step s_i of a coordinate, or |s| of a
 * direction) to be in the entry's units. Within tolerance: "ok"; otherwise "mismatch" — unless the point sits on a
 * ReLU kink, where the entry is "at-kink" (never a mismatch) with its left and right derivatives.
 */
export function lineVerdict(entry: string, analytic: number, analyticNoise: number, line: LineResult, unit: number, safety: number, reluNames: readonly string[]): FdVerdict {
  const central = rescale(line.estimate, unit);
  const steps = central.steps;
  const shrunk = line.shrinks > 0 ? `; step shrunk ${line.shrinks}× to stay clear of the ReLU kink of ${line.avoided.map((c) => reluNames[c.unit] ?? `unit ${c.unit}`).join(", ")}` : "";
  const inexact = line.exact ? "" : "; stencil points not exactly θ ± h (asymmetry charged to the error)";
  if (line.kink) {
    const left = rescale(line.kink.left, unit), right = rescale(line.kink.right, unit);
    const tolL = safety * left.error + analyticNoise, tolR = safety * right.error + analyticNoise;
    const kinkAgreement: KinkAgreement = Math.abs(analytic - left.value) <= tolL ? "left"
      : Math.abs(analytic - right.value) <= tolR ? "right"
      : analytic >= Math.min(left.value - tolL, right.value - tolR) && analytic <= Math.max(left.value + tolL, right.value + tolR) ? "between" : "outside";
    const units = line.kink.units.map((r) => reluNames[r] ?? `unit ${r}`).join(", ");
    return {
      entry, analytic, numeric: (left.value + right.value) / 2, errorEstimate: Math.max(left.error, right.error), tolerance: Math.max(tolL, tolR), status: "at-kink",
      left, right, kinkAgreement, steps: left.steps,
      why: `on the ReLU kink of ${units} (z within the smallest step of 0): left ${g(left.value)} ± ${left.error.toPrecision(2)}, right ${g(right.value)} ± ${right.error.toPrecision(2)}; analytic ${kinkAgreement === "outside" ? "matches neither side" : `matches ${kinkAgreement === "between" ? "a value between the sides" : `the ${kinkAgreement} side`}`}${line.kink.units.length > 1 ? " (several units sit on kinks here; with the pinned f′(0) for all of them the gradient need not equal either side)" : ""}${line.kink.resolved ? "" : "; another kink lies within the one-sided steps"}`,
    };
  }
  const tolerance = safety * central.error + analyticNoise;
  const status = Math.abs(analytic - central.value) <= tolerance && Number.isFinite(analytic) ? "ok" : "mismatch";
  return {
    entry, analytic, numeric: central.value, errorEstimate: central.error, tolerance, status, steps,
    why: `${safety} × numeric error ${central.error.toPrecision(2)} (Richardson over steps ${steps.map((h) => h.toPrecision(2)).join(", ")}: truncation ${(line.estimate.truncation / Math.abs(unit)).toPrecision(2)} + rounding ${(line.estimate.rounding / Math.abs(unit)).toPrecision(2)}) + analytic rounding ${analyticNoise.toPrecision(2)}${shrunk}${inexact}`,
  };
}
