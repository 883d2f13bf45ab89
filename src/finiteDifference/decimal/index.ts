/** Arbitrary-precision finite differences: the audit of the oracle's own derivative formulas. */
export { auditOracleDerivatives, type AuditEntry, type AuditOptions, type OracleAudit } from "./auditOracleDerivatives.ts";
export { decimalNetworkCost, unitPerturbedCost } from "./decimalCost.ts";
