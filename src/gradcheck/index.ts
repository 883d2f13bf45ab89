/** The gradient verification engine: exact comparisons with tolerances derived from rounding scales. */
export { DTYPES, SAFETY, TRANSCENDENTAL_ROUNDINGS, toleranceFor, explainTolerance, type Dtype, type DtypeTolerance } from "./tolerance.ts";
export { entryResult, weightName, biasName, layerValueName, type EntryResult } from "./entry-result.ts";
export { exactToNumbers, type ExactGradients, type ExactLayer } from "./exact-values.ts";
export { gradientScales, stepScales, type GradientScales, type LayerScales, type ParamScales, type ScaleInputs } from "./rounding-scale.ts";
export { compareForward, compareGradients, compareStep, exactGradientsWithScales, oracleGradientsFor, inputParamScales, paramEntries, verdict, type CompareOptions, type Comparison } from "./compare.ts";
export { compareTrain } from "./compare-train.ts";
