/** The activation audit: f and f′ of an implementation against the exact oracle over a wide domain, in ulps. */
export { auditActivation, describeLossyRanges, type ActivationAudit, type AuditOptions, type FunctionAudit } from "./auditActivation.ts";
export { kinkConventions, type ConventionFinding } from "./kinkConventions.ts";
export { auditDomain, compareWithSignedZero, DOMAIN_LIMIT } from "./auditDomain.ts";
export { absoluteAllowance, allowedError, CORE_LIMIT, failsCoreBound, LOSSY_ULPS } from "./auditRules.ts";
export { AUDIT_PRECISION, auditOracle, exactActivation } from "./exactActivation.ts";
export { describeRange, formatUlps, lossyRanges, MERGE_GAP, showX, type LossyRange, type PointError } from "./lossyRanges.ts";
export { errorOf, ulpAt, ulpError } from "./ulpError.ts";
export { auditVectorActivation, type VectorAudit, type VectorEntryError } from "./auditVectorActivation.ts";
