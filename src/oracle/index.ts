export { createOracle, DEFAULT_ORACLE_PRECISION, type Oracle, type ParamsLike, type MatrixLike } from "./oracle.ts";
export {
  decimalConstructor,
  exactDecimal,
  toDecimal,
  toDecimalMatrix,
  toDecimalParams,
  type DecimalConstructor,
  type DecimalLike,
  type DecimalLayerParams,
  type DecimalMatrix,
  type DecimalParams,
  type DecimalVector,
} from "./decimal.ts";
export { decimalActivation, decimalLayerActivation, type DecimalActivation, type DecimalLayerActivation } from "./activations.ts";
export { decimalExp, decimalLog1p } from "./elementary.ts";
export { oracleForward, dot, type DecimalLayerValues } from "./forward.ts";
export { oracleGradients, type OracleGradients } from "./gradients.ts";
export { oracleStep, oracleTrain, type OracleOptimizer } from "./step.ts";
export { optimizerUpdate, toDecimalOptimizerState, type DecimalOptimizerState, type ExactOptimizer, type OptimizerStateLike } from "./optimizerStep.ts";
export { decimalToNumber, toNumberMatrix, toNumberParams, toNumberVector, toDecimalString } from "./convert.ts";
