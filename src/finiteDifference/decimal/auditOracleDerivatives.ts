import type { Decimal } from "decimal.js";
import { biasName, weightName } from "../../gradcheck/index.ts";
import type { NetworkSpec } from "../../network/types.ts";
import { validateNetwork } from "../../network/validate.ts";
import { createOracle, type DecimalMatrix, type DecimalParams, type MatrixLike, type ParamsLike } from "../../oracle/index.ts";
import { unitPerturbedCost } from "./decimalCost.ts";

/** One parameter's audit: the oracle's derivative against the decimal finite difference. */
export interface AuditEntry {
  readonly entry: string;
  /** The oracle's backpropagated dC/dθ (its derivative formulas). */
  readonly analytic: Decimal;
  /** Richardson-extrapolated central difference of the oracle's cost, in decimal. */
  readonly numeric: Decimal;
  /** A bound on |numeric − exact|: |D(h/2) − extrapolated| + rounding 16·10^(1−p)·(C + √C)/h. */
  readonly error: Decimal;
  /** Significant digits in which analytic and numeric agree, −log10(|a − n|/|a|) (Infinity when equal or both 0 within error). */
  readonly digits: number;
  /** |analytic − numeric| ≤ error. */
  readonly withinError: boolean;
}

/** The audit of one case: every parameter, and the fewest digits of agreement. */
export interface OracleAudit {
  readonly entries: readonly AuditEntry[];
  readonly minDigits: number;
  readonly worst: AuditEntry;
}

export interface AuditOptions {
  /** Working digits. Default 60. */
  readonly precision?: number;
  /** The step h (a decimal string). Default "1e-25". */
  readonly step?: string;
  /** The analytic gradients to audit, shaped like the params (default: the oracle's own, at this precision). */
  readonly gradients?: DecimalParams;
}

/**
 * Audits the oracle's own derivative formulas (backpropagation, σ′ = t/(1+t)², tanh′ = 4t/(1+t)², ReLU′) on one
 * case: for every parameter θ_i, a central difference of the oracle's cost in decimal at steps h and h/2 (default
 * 60 digits, h = 10^−25), extrapolated: D = (4·D(h/2) − D(h))/3, compared with the oracle's gradient. Only the
 * parameter's own unit and the layers after it are recomputed. Smooth cases agree to ≥ 27 digits; a ReLU kink within h of the
 * point would break the agreement (fixture cases keep |z| ≥ 10^−9).
 */
export function auditOracleDerivatives(network: NetworkSpec, params: ParamsLike, inputs: MatrixLike, targets: MatrixLike, options: AuditOptions = {}): OracleAudit {
  const problems = validateNetwork(network);
  if (problems.length > 0) throw new RangeError(`auditOracleDerivatives: ${problems.join("; ")}`);
  const oracle = createOracle({ precision: options.precision ?? 60 });
  const { D } = oracle;
  const theta: DecimalParams = params.map(({ W, b }) => ({ W: W.map((r) => r.map((x) => oracle.decimal(x))), b: b.map((x) => oracle.decimal(x)) }));
  const X: DecimalMatrix = inputs.map((r) => r.map((x) => oracle.decimal(x)));
  const Y: DecimalMatrix = targets.map((r) => r.map((x) => oracle.decimal(x)));
  const exact = oracle.gradients(network, theta, X, Y);
  const h = new D(options.step ?? "1e-25");
  const roundoff = new D(10).pow(1 - oracle.precision);
  const entries: AuditEntry[] = [];
  theta.forEach(({ W, b }, l) => {
    const audit = (name: string, x: Decimal, analytic: Decimal, i: number, j?: number) => {
      const C = (t: Decimal) => j === undefined
        ? unitPerturbedCost(D, network, theta, exact.layers, X, Y, l, i, W[i]!, t)
        : unitPerturbedCost(D, network, theta, exact.layers, X, Y, l, i, W[i]!.map((w, c) => (c === j ? t : w)), b[i]!);
      const quotient = (step: Decimal) => {
        const [plus, minus] = [C(x.plus(step)), C(x.minus(step))];
        // Each cost errs by ≲ 16·10^(1−p)·(C + √C): the √C term is a − y's rounding carried by the square.
        const noise = (c: Decimal) => c.abs().plus(c.abs().sqrt()).times(16);
        return { d: plus.minus(minus).div(step.times(2)), size: noise(plus).plus(noise(minus)) };
      };
      const coarse = quotient(h), fine = quotient(h.div(2));
      const numeric = fine.d.times(4).minus(coarse.d).div(3);
      const rounding = roundoff.times(fine.size.times(8).plus(coarse.size)).div(h.times(3));
      const error = numeric.minus(fine.d).abs().plus(rounding);
      const difference = analytic.minus(numeric).abs();
      const digits = difference.isZero() || (analytic.isZero() && difference.lte(error)) ? Number.POSITIVE_INFINITY
        : analytic.isZero() ? 0 : -Math.log10(difference.div(analytic.abs()).toNumber());
      entries.push({ entry: name, analytic, numeric, error, digits, withinError: difference.lte(error) });
    };
    const analytic = options.gradients ?? exact.grads;
    W.forEach((row, i) => row.forEach((w, j) => audit(weightName(l, i, j), w, analytic[l]!.W[i]![j]!, i, j)));
    b.forEach((v, i) => audit(biasName(l, i), v, analytic[l]!.b[i]!, i));
  });
  const worst = entries.reduce((a, e) => (e.digits < a.digits ? e : a), entries[0]!);
  return { entries, minDigits: worst.digits, worst };
}
