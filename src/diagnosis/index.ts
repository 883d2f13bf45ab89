/** Diagnosis of wrong gradients: hints about the likely bug, each hypothesis tested against the numbers. */
export { diagnose } from "./diagnose.ts";
export { diagnoseForward } from "./saturationHints.ts";
export { backwardFrom, backwardWith, type DerivativeOverride } from "./backwardWith.ts";
export { close, LOOSE_ABSOLUTE, LOOSE_RELATIVE, matchesAll, paramGroups, type ParamGroup } from "./paramGroups.ts";
export { diagnoseStep, diagnoseTrain } from "./stepHints.ts";
