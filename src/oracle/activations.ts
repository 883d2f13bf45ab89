import type { Decimal } from "decimal.js";
import type { Activation } from "../network/types.ts";
import type { DecimalConstructor } from "./decimal.ts";
import { decimalExp } from "./exp.ts";

/** An activation's value and derivative at one point, in decimal. */
export interface DecimalActivation {
  readonly value: Decimal;
  readonly derivative: Decimal;
}

/**
 * f(z) and f′(z) for every activation, to the constructor's precision, with full relative precision for any |z|:
 * the logistic and tanh derivatives are formed from t = e^(−|z|) (or e^(−2|z|)), never as 1 − f², which would
 * cancel to nothing for large |z|. ReLU′(0) = 0 (the pinned convention).
 */
export function decimalActivation(D: DecimalConstructor, name: Activation, exactZ: Decimal): DecimalActivation {
  // A float64 taken exactly can have ~750 digits (tiny numbers); series on that many digits are very slow, and ten
  // guard digits beyond the working precision change nothing in f(z), so transcendental branches round z first.
  const z = name === "relu" || name === "identity" ? exactZ : exactZ.toSignificantDigits(D.precision + 10);
  switch (name) {
    case "identity":
      return { value: z, derivative: new D(1) };
    case "relu":
      return z.gt(0) ? { value: z, derivative: new D(1) } : { value: new D(0), derivative: new D(0) };
    case "logistic": {
      // σ(z) = 1/(1 + e^−z) = e^z/(1 + e^z);   σ′(z) = t/(1 + t)² with t = e^−|z| (σ′ is even).
      const t = decimalExp(D)(z.abs().neg());
      const onePlusT = t.plus(1);
      const value = z.isNeg() ? t.div(onePlusT) : new D(1).div(onePlusT);
      return { value, derivative: t.div(onePlusT.times(onePlusT)) };
    }
    case "tanh": {
      // tanh|z| = (1 − t)/(1 + t) and tanh′(z) = 1 − tanh²(z) = 4t/(1 + t)² with t = e^−2|z|; below |z| = 1/8 the
      // difference 1 − t would cancel, so decimal.js's series takes over there (one digit lost at most above it).
      const t = decimalExp(D)(z.abs().times(-2));
      const onePlusT = t.plus(1);
      const value = z.abs().lt(0.125) ? z.tanh() : new D(1).minus(t).div(onePlusT).times(z.isNeg() ? -1 : 1);
      return { value, derivative: t.times(4).div(onePlusT.times(onePlusT)) };
    }
  }
}
