/** fast-check arbitraries for networks, exported for users: numbers, activation inputs, logits, cases, kinks, training runs. */
export { uniformDouble, toDtype, dtypeLimits } from "./numbers.ts";
export { edgeValues, edgeDouble, activationInputs } from "./edgeValues.ts";
export {
  vectorArb,
  matrixArb,
  paramsArb,
  batchArb,
  networkCaseArb,
  targetsArb,
  probabilityVectorArb,
  oneHot,
  smoothedOneHot,
  smoothingOf,
  forwardRequestOf,
  gradientsRequestOf,
  stepRequestOf,
  type NetworkCase,
  type NetworkCaseOptions,
  type Range,
} from "./networkCase.ts";
export { kinkCaseArb, deadUnitCaseArb, KINK_OFFSETS, type Kink } from "./reluCases.ts";
export { logitVectorArb, logitShiftArb, HUGE_LOGITS, LOGIT_GRID } from "./logits.ts";
export {
  fontTrainingRequest,
  fontClassifierRequest,
  fontTrainingSeedArb,
  FONT_TRAINING,
  FONT_CLASSIFIER_TRAINING,
  FONT_CLASSIFIER_NETWORK,
  type FontTrainingPlan,
} from "./fontTraining.ts";
