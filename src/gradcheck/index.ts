/** The gradient verification engine: exact comparisons with tolerances derived from rounding scales. */
export { DTYPES, DTYPE_NAMES, isDtype, SAFETY, TRANSCENDENTAL_ROUNDINGS, toleranceFor, explainTolerance, type Dtype, type DtypeTolerance } from "./tolerance.ts";
export { entryResult, weightName, biasName, layerValueName, type EntryResult } from "./entryResult.ts";
export { exactToNumbers, type ExactGradients, type ExactLayer } from "./exactGradients.ts";
export { gradientScales, productE, type GradientScales, type LayerScales, type ParamScales, type ScaleInputs } from "./gradientScales.ts";
export { stepScales } from "./stepScales.ts";
export { outOfRange, outOfRangeReason, passOutOfRange } from "./outOfRange.ts";
export { paramEntries, verdict, type CompareOptions, type Comparison } from "./comparison.ts";
export { exactGradientsWithScales, oracleGradientsFor, inputParamScales } from "./exactGradientsWithScales.ts";
export { compareForward, prepareForward, type PreparedForward } from "./compareForward.ts";
export { compareGradients } from "./compareGradients.ts";
export { compareStep, prepareStep, type PreparedStep } from "./compareStep.ts";
export { compareTrain } from "./compareTrain.ts";
export { exactTrainSteps, type ExactTrainStep } from "./exactTrainSteps.ts";
export { compareOptimizerStep, compareOptimizerTrain, exactOptimizerStep, exactOptimizerTrainSteps, type ExactOptimizerStep, type OptimizerRequest } from "./compareOptimizer.ts";
export { optimizerScales, type OptimizerScaleInputs, type OptimizerScales } from "./optimizerScales.ts";
