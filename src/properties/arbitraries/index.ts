/** fast-check arbitraries for networks, exported for users: numbers, activation inputs, cases, kinks, training runs. */
export { uniformDouble, toDtype, dtypeLimits } from "./numbers.ts";
export { edgeValues, edgeDouble, activationInputs } from "./edgeValues.ts";
export {
  vectorArb,
  matrixArb,
  paramsArb,
  batchArb,
  networkCaseArb,
  forwardRequestOf,
  gradientsRequestOf,
  stepRequestOf,
  type NetworkCase,
  type NetworkCaseOptions,
  type Range,
} from "./networkCase.ts";
export { kinkCaseArb, deadUnitCaseArb, KINK_OFFSETS, type Kink } from "./reluCases.ts";
export { fontTrainingRequest, fontTrainingSeedArb, FONT_TRAINING, type FontTrainingPlan } from "./fontTraining.ts";
