/**
 * nncheck's public API, by name. Each area has its own index (src/<area>/index.ts) with its finer parts; this file
 * lists what a user of the library needs.
 */

// The shapes everything shares, and the one interface every implementation under test has.
export { ACTIVATIONS, seedNetwork, type Activation, type Cost, type LayerParams, type LayerValues, type Matrix, type NetworkSpec, type Params, type Vector } from "./network/types.ts";
export {
  ImplementationError,
  METHODS,
  OPTIMIZERS,
  type ActivationRequest,
  type ActivationResult,
  type ForwardRequest,
  type ForwardResult,
  type GradientsRequest,
  type GradientsResult,
  type Hello,
  type Implementation,
  type ImplementationErrorCode,
  type Method,
  type AdamOptimizer,
  type AdamState,
  type Optimizer,
  type OptimizerName,
  type OptimizerState,
  type SgdOptimizer,
  type SgdState,
  type StepRequest,
  type StepResult,
  type TrainRequest,
  type TrainResult,
} from "./implementation.ts";
export { assertValid, validateNetwork, validateParams, validateForwardRequest, validateGradientsRequest, validateStepRequest, validateTrainRequest, validateActivationRequest } from "./network/validate.ts";
export { createRng, type Rng } from "./random/rng.ts";

// The float64 reference implementation.
export { reference, forward, gradients, step, train, initParams, activate, activationDerivative, type InitScheme } from "./reference/index.ts";

// The exact oracle (decimal.js).
export { createOracle, DEFAULT_ORACLE_PRECISION, exactDecimal, toDecimalString, type Oracle, type OracleGradients } from "./oracle/index.ts";

// The verdict engine: exact comparisons with per-entry tolerances, and the diagnosis of mismatches.
export {
  compareForward,
  compareGradients,
  compareStep,
  compareTrain,
  exactTrainSteps,
  gradientScales,
  toleranceFor,
  DTYPES,
  SAFETY,
  type Comparison,
  type CompareOptions,
  type Dtype,
  type EntryResult,
} from "./gradcheck/index.ts";
export { diagnose } from "./diagnosis/index.ts";

// Finite differences (a second opinion) and the arbitrary-precision audit of the oracle's derivatives.
export { finiteDifferenceFull, finiteDifferenceDirectional, richardson, stepSize, auditOracleDerivatives, placeOnKink, type FdVerdict, type FiniteDifferenceReport } from "./finiteDifference/index.ts";

// The activation audit.
export { auditActivation, type ActivationAudit } from "./activationAudit/index.ts";

// Properties and the arbitraries behind them, for users' own properties.
export {
  propertyCheck,
  networkCaseArb,
  kinkCaseArb,
  deadUnitCaseArb,
  paramsArb,
  batchArb,
  targetsArb,
  probabilityVectorArb,
  logitVectorArb,
  logitShiftArb,
  edgeValues,
  edgeDouble,
  activationInputs,
  type PropertySpec,
} from "./properties/index.ts";

// Checks, the runner and the reporters.
export { allChecks } from "./checks/index.ts";
export { runChecks, checkSeed, selectChecks, type Check, type CheckContext, type CheckOutcome, type CheckResult, type Hint, type RunOptions, type RunReport } from "./harness/index.ts";

// Protocol v1: implementations in any language over stdio.
export { spawnImplementation, shapeProblems, type ProtocolImplementation, type SpawnOptions } from "./protocol/index.ts";

// Fixtures, seeded cases and the seed's data.
export { loadFixture, FixtureError, type FixtureKind, type RandomCasesFixture, type TrajectoryFixture, type WorkedExampleFixture } from "./fixtures/index.ts";
export { randomCase, type RandomCase, type RandomCaseOptions } from "./cases/index.ts";
export { generateFontData, loadFontCsv, parseFontCsv, splitFontData, darkFontLabel, FontDataError, type FontData } from "./data/index.ts";
export { trainSeedWay, classificationAccuracy } from "./training/index.ts";
