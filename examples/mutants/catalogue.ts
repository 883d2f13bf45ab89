/**
 * The mutant catalogue as data: each deliberately wrong implementation, its module, its bug, and the properties
 * that catch it. `caughtBy` fail on every seed tried (runs 20, seeds 1–12); `sometimesCaughtBy` fail on some seeds.
 * spec/properties/mutants.spec.ts holds the catalogue to this; README.md shows it as a table.
 */
import type { Mutation } from "./plainNetwork.ts";

/** One mutant of the catalogue. */
export interface MutantEntry {
  readonly mutation: Exclude<Mutation, "none">;
  /** The module, beside this file, whose default export is the mutant. */
  readonly file: string;
  readonly bug: string;
  /** Property ids that fail for it whatever the seed. */
  readonly caughtBy: readonly string[];
  /** Property ids that fail for it on some seeds (they may pass on others). */
  readonly sometimesCaughtBy: readonly string[];
  /** Checks outside the property suite expected to catch it too (not asserted here). */
  readonly otherChecks: readonly string[];
}

const p = (...names: string[]) => names.map((n) => `property/${n}`);
const oracleAll = ["oracle/gradients/*", "oracle/step/*", "oracle/train/*"];

/** Every mutant, in the order of README.md. */
export const CATALOGUE: readonly MutantEntry[] = [
  { mutation: "relu-derivative-at-zero", file: "reluDerivativeAtZero.ts", bug: "ReLU′(0) = 1: the derivative tests z ≥ 0 instead of z > 0.", caughtBy: p("relu/derivative"), sometimesCaughtBy: [], otherChecks: ["activation/relu/audit"] },
  { mutation: "relu-derivative-sign", file: "reluDerivativeSign.ts", bug: "ReLU′(z) = −1 for z > 0: the derivative has the wrong sign.", caughtBy: p("relu/derivative", "gradients/oracle", "descent/sgd-classifier"), sometimesCaughtBy: p("descent/armijo-step", "descent/sgd-font"), otherChecks: oracleAll },
  { mutation: "leaky-relu", file: "leakyRelu.ts", bug: "A leaky ReLU (0.01·z and slope 0.01 for z ≤ 0) where ReLU was asked for.", caughtBy: p("relu/idempotent", "relu/nonnegative", "relu/odd-part", "relu/derivative", "gradients/oracle", "gradients/dead-unit"), sometimesCaughtBy: p("metamorphic/permute-hidden", "cost/bce-complement"), otherChecks: ["oracle/forward/*", ...oracleAll] },
  { mutation: "logistic-derivative-missing", file: "logisticDerivativeMissing.ts", bug: "σ′ taken as 1: backpropagation skips the logistic's derivative.", caughtBy: p("logistic/derivative-identity", "logistic/derivative-range", "gradients/oracle"), sometimesCaughtBy: p("descent/armijo-step"), otherChecks: oracleAll },
  { mutation: "logistic-sign", file: "logisticSign.ts", bug: "σ(z) = 1/(1 + e^z): the wrong sign in the exponent (σ′ left as it was).", caughtBy: p("logistic/bounded", "logistic/monotone", "gradients/oracle", "descent/armijo-step", "descent/sgd-font", "softplus/derivative-logistic"), sometimesCaughtBy: [], otherChecks: ["oracle/forward/*", ...oracleAll] },
  { mutation: "naive-logistic", file: "naiveLogistic.ts", bug: "σ′ computed naively as e^−z/(1 + e^−z)²: ∞/∞ = NaN for z < −709.78.", caughtBy: p("logistic/derivative-identity", "logistic/derivative-range"), sometimesCaughtBy: [], otherChecks: ["activation/logistic/audit"] },
  { mutation: "cost-derivative-without-2", file: "costDerivativeWithout2.ts", bug: "dC/da = a − y: the cost's derivative without its 2.", caughtBy: p("cost/output-gradient", "gradients/oracle"), sometimesCaughtBy: [], otherChecks: oracleAll },
  { mutation: "cost-not-squared", file: "costNotSquared.ts", bug: "C = (1/n)·Σ 2(a − y): `*2` typed for `**2`, so the reported cost can be negative.", caughtBy: p("cost/nonnegative", "cost/zero-iff-at-target", "gradients/oracle", "descent/armijo-step"), sometimesCaughtBy: [], otherChecks: ["oracle/gradients/*", "oracle/train/*"] },
  { mutation: "transposed-w1-gradient", file: "transposedW1Gradient.ts", bug: "dC/dW1 returned transposed: the wrong shape in a non-square network, wrong values in the square 3-3-1.", caughtBy: p("cost/output-gradient", "gradients/oracle", "gradients/dead-unit", "metamorphic/permute-hidden", "cost/cross-entropy-nonnegative", "cost/cross-entropy-zero-iff-hit", "cost/cross-entropy-output-gradient"), sometimesCaughtBy: p("cost/bce-complement", "descent/sgd-classifier"), otherChecks: oracleAll },
  { mutation: "bias-gradient-summed", file: "biasGradientSummed.ts", bug: "dC/db summed over the batch instead of averaged.", caughtBy: p("cost/output-gradient", "gradients/oracle", "gradients/batch-mean", "cost/cross-entropy-output-gradient"), sometimesCaughtBy: [], otherChecks: ["oracle/gradients/batch/*", "oracle/step/*"] },
  { mutation: "relu-mask-first-sample", file: "reluMaskFirstSample.ts", bug: "The ReLU mask of the first sample applied to every sample of the batch (a broadcasting bug).", caughtBy: p("gradients/oracle", "gradients/batch-mean", "gradients/order-invariant"), sometimesCaughtBy: [], otherChecks: ["oracle/gradients/batch/*", "oracle/step/*"] },
  { mutation: "gradient-off-1e-6", file: "gradientOff1e6.ts", bug: "dC/dW1[0][0] off by a relative 1e-6.", caughtBy: p("gradients/oracle", "metamorphic/permute-hidden"), sometimesCaughtBy: [], otherChecks: oracleAll },
  { mutation: "forward-drops-bias", file: "forwardDropsBias.ts", bug: "The first layer's bias left out of z1 = W1·x + b1.", caughtBy: p("gradients/oracle", "gradients/dead-unit"), sometimesCaughtBy: p("cost/bce-complement", "cost/cross-entropy-zero-iff-hit"), otherChecks: ["oracle/forward/*", ...oracleAll] },
  { mutation: "step-ascends", file: "stepAscends.ts", bug: "θ + L·∇C: the step climbs the cost.", caughtBy: p("step/own-gradient", "descent/armijo-step", "descent/sgd-font", "descent/sgd-classifier"), sometimesCaughtBy: [], otherChecks: ["oracle/step/*", "oracle/train/*"] },
  { mutation: "learning-rate-default", file: "learningRateDefault.ts", bug: "L = learningRate || 0.05: a learning rate of 0 is replaced by a default.", caughtBy: p("step/zero-rate"), sometimesCaughtBy: [], otherChecks: [] },
  { mutation: "float32-declared-float64", file: "float32DeclaredFloat64.ts", bug: "float32 arithmetic (Math.fround on every result) in an implementation that declares float64.", caughtBy: p("relu/idempotent", "relu/identity-on-nonnegative", "relu/odd-part", "relu/derivative", "logistic/bounded", "logistic/symmetry", "logistic/derivative-identity", "cost/output-gradient", "gradients/oracle", "gradients/batch-mean", "gradients/order-invariant", "step/own-gradient", "step/zero-rate", "metamorphic/relu-rescale", "leaky_relu/value", "leaky_relu/derivative", "softplus/above-relu", "silu/odd-part", "softmax/sums-to-one", "softmax/jacobian-identity", "cost/bce-complement", "cost/cross-entropy-output-gradient"), sometimesCaughtBy: p("metamorphic/permute-hidden", "logistic/derivative-range"), otherChecks: ["oracle/*"] },
  { mutation: "train-skips-last", file: "trainSkipsLast.ts", bug: "train stops one step early: the last sample of the order is skipped.", caughtBy: p("train/single-sample", "train/fold", "descent/sgd-font", "descent/sgd-classifier"), sometimesCaughtBy: [], otherChecks: ["oracle/train/*"] },
  { mutation: "train-repeats-last", file: "trainRepeatsLast.ts", bug: "train runs one step too many: the last sample of the order is stepped twice.", caughtBy: p("train/single-sample", "train/fold", "descent/sgd-font", "descent/sgd-classifier"), sometimesCaughtBy: [], otherChecks: ["oracle/train/*"] },
  // The classifier family's: each touches only a cost, a reduction or an activation of the family; the checks that
  // catch it are asserted by spec/cli/mutantCatalogue.spec.ts, the properties here as for the others.
  { mutation: "softmax-diagonal", file: "softmaxDiagonal.ts", bug: "The softmax backward pass with the Jacobian's diagonal a ⊙ (1 − a) only, as if softmax acted unit by unit.", caughtBy: p("softmax/jacobian-identity", "cost/cross-entropy-output-gradient", "descent/sgd-classifier"), sometimesCaughtBy: [], otherChecks: ["activation/softmax/audit", "oracle/gradients|step|train/…/4-5-3-ce/*", "fd/*/4-5-3-ce", "fixture/family-cases/…softmax…/gradients|step"] },
  { mutation: "softmax-no-max", file: "softmaxNoMax.ts", bug: "softmax without subtracting max z: e^z overflows and a is NaN at large logits.", caughtBy: p("softmax/sums-to-one", "softmax/shift-invariant", "softmax/jacobian-identity"), sometimesCaughtBy: [], otherChecks: ["activation/softmax/audit", "oracle/forward|gradients|step/saturated/4-5-3-ce"] },
  { mutation: "naive-log-softmax", file: "naiveLogSoftmax.ts", bug: "The cross-entropy as −Σ y·ln(a) of the computed softmax: +∞ where a_k underflows to 0.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/gradients/saturated/4-5-3-ce"] },
  { mutation: "ce-gradient-without-mean", file: "ceGradientWithoutMean.ts", bug: "The softmax cross-entropy gradient not divided by n (δ = a − y summed over the batch) while the cost is averaged.", caughtBy: p("cost/cross-entropy-output-gradient"), sometimesCaughtBy: [], otherChecks: ["oracle/gradients|step/batch/4-5-3-ce/mean", "oracle/…/4-5-3-ce/mean_all", "fd/directional/4-5-3-ce"] },
  { mutation: "bce-target-flipped", file: "bceTargetFlipped.ts", bug: "Binary cross-entropy with y and 1 − y swapped, in the cost and in δ = a − y alike.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/gradients|step|train/…/3-3-1-bce/*", "fixture/family-cases/…bce…/gradients|step"] },
  { mutation: "naive-log-sigmoid", file: "naiveLogSigmoid.ts", bug: "Binary cross-entropy as −[y ln a + (1 − y) ln(1 − a)] of the computed σ: ±∞ or NaN at saturation.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/gradients/saturated/3-3-1-bce"] },
  { mutation: "half-convention-mixed", file: "halfConventionMixed.ts", bug: "half_squared_error declared, but dC/da = 2(a − y), squared_error's: the ½ convention mixed up.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/gradients|step|train/…/2-4-4-2/*", "fd/*/2-4-4-2", "fixture/family-cases/…half-se…/gradients|step"] },
  { mutation: "leaky-relu-derivative-at-zero", file: "leakyReluDerivativeAtZero.ts", bug: "leaky_relu′(0) = 1: the derivative tests z ≥ 0 instead of z > 0.", caughtBy: p("leaky_relu/derivative"), sometimesCaughtBy: [], otherChecks: ["activation/leaky_relu/audit", "oracle/gradients|step|train/…/2-4-4-2/* (their dead-unit cases)"] },
  { mutation: "leaky-slope-0.1", file: "leakySlope01.ts", bug: "Leaky ReLU with slope 0.1 below 0, in value and derivative, where the convention is 0.01.", caughtBy: p("leaky_relu/value", "leaky_relu/derivative"), sometimesCaughtBy: [], otherChecks: ["activation/leaky_relu/audit", "oracle/*/2-4-4-2", "fixture/family-cases/…leaky_relu…"] },
  { mutation: "naive-softplus", file: "naiveSoftplus.ts", bug: "softplus as ln(1 + e^z): e^z overflows to ∞ above z = 709.78, and ln(1 + e^−40) rounds to 0.", caughtBy: p("softplus/above-relu"), sometimesCaughtBy: [], otherChecks: ["activation/softplus/audit", "oracle/forward|gradients|step/saturated/2-4-4-2"] },
  { mutation: "silu-derivative-sigma", file: "siluDerivativeSigma.ts", bug: "silu′ taken as σ(z): the term z·σ(z)(1 − σ(z)) forgotten.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["activation/silu/audit", "oracle/gradients|step|train/…/2-4-4-2/*", "fd/*/2-4-4-2", "fixture/family-cases/…silu…/gradients|step"] },
  { mutation: "reduction-ignored", file: "reductionIgnored.ts", bug: "network.reduction ignored: the cost and its gradients are always the mean over the samples.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/gradients|step/batch/…/sum", "oracle/…/mean_all with 2 or more outputs", "fixture/family-cases/….sum…, ….mean_all…"] },
  { mutation: "mean-all-as-mean", file: "meanAllAsMean.ts", bug: "mean_all taken as the mean over the samples only, not over the output units too.", caughtBy: [], sometimesCaughtBy: [], otherChecks: ["oracle/…/mean_all with 2 or more outputs", "fixture/family-cases/….mean_all…"] },
];
