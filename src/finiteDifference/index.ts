/** Finite differences done right: per-parameter steps, Richardson extrapolation with error estimates, kink awareness. */
export { unitRoundoff, roundToDtype, ulpOf, isExactSum } from "./dtypeArithmetic.ts";
export { stepSize, minimumStepRatio, STEP_FACTOR, type StepOptions } from "./stepSize.ts";
export { snapDisplacement } from "./snapDisplacement.ts";
export { richardson, type Extrapolation } from "./richardson.ts";
export { centralEstimate, oneSidedEstimate, type CentralLevel, type StencilPoint } from "./stencilEstimates.ts";
export { kinkCrossings, sideCrossings, type Crossing, type StencilSample } from "./kinkCrossings.ts";
export { lineDerivatives, type LineRequest, type LineResult, type LineOptions, type KinkEstimate } from "./lineDerivatives.ts";
export { lineVerdict, FD_SAFETY, type FdVerdict, type FdStatus, type KinkAgreement } from "./lineVerdict.ts";
export { flattenParams, unflattenParams } from "./paramVector.ts";
export { implementationEvaluator, defaultCostNoise, networkCost, COST_NOISE_ROUNDINGS, type EvaluatorOptions, type ImplementationEvaluator } from "./implementationEvaluator.ts";
export { defaultGradientNoise, GRADIENT_NOISE_ROUNDINGS, type FiniteDifferenceOptions, type FiniteDifferenceReport } from "./prepareCheck.ts";
export { finiteDifferenceFull } from "./finiteDifferenceFull.ts";
export { finiteDifferenceDirectional, type DirectionalOptions } from "./finiteDifferenceDirectional.ts";
export type { Estimate, Evaluation, EvaluatePoints } from "./types.ts";
export { placeOnKink, type KinkTarget } from "./placeOnKink.ts";
export { auditOracleDerivatives, unitPerturbedCost, decimalNetworkCost, type AuditEntry, type AuditOptions, type OracleAudit } from "./decimal/index.ts";
