/** The float64 reference implementation of nncheck: its public API, by name. */
export { activate, activationDerivative, activationFunctions, type ActivationFunction } from "./activationFunctions.ts";
export { forward } from "./forward.ts";
export { gradients } from "./gradients.ts";
export { step } from "./step.ts";
export { train, type TrainOutcome } from "./train.ts";
export { initParams, type InitScheme } from "./init.ts";
export { reference } from "./reference.ts";
