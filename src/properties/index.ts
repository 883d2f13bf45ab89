/** nncheck's property-based and metamorphic suite: the properties as checks, the machinery, and the arbitraries. */
export { propertyCheck, casesFor, replayCommand, DEFAULT_SHRINK_BUDGET, type PropertySpec } from "./propertyCheck.ts";
export { PropertyFailure, type PropertyFailureDetails } from "./PropertyFailure.ts";
export { plainJson } from "./plainJson.ts";
export { reluProperties } from "./reluProperties.ts";
export { logisticProperties, strictlyInside } from "./logisticProperties.ts";
export { costProperties } from "./costProperties.ts";
export { descentProperties } from "./descentProperties.ts";
export { gradientProperties } from "./gradientProperties.ts";
export { permutationOf } from "./permutationOf.ts";
export { stepProperties } from "./stepProperties.ts";
export { metamorphicProperties, permuteHiddenUnits, rescaleHiddenUnit } from "./metamorphicProperties.ts";
export { armijoRate, exactCost, type ArmijoRate } from "./armijoRate.ts";
export { engineTolerances, stepTolerances, trainTolerances, type EngineTolerances } from "./engineTolerances.ts";
export { PROPERTY_NETWORK, IDENTITY_OUTPUT_NETWORK, CLASSIFIER_NETWORK, BINARY_NETWORK } from "./networks.ts";
export * from "./arbitraries/index.ts";
