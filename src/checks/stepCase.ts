import { diagnoseStep, diagnoseTrain } from "../diagnosis/index.ts";
import { compareStep, compareTrain, oracleGradientsFor, type CompareOptions } from "../gradcheck/index.ts";
import type { StepRequest, StepResult, TrainRequest, TrainResult } from "../implementation.ts";
import type { ComparedCase } from "./comparisonOutcome.ts";

/** A compared `step` case, diagnosed (a step that ascends, a wrong rate, …) if a failure names it. */
export function stepCase(kind: string, index: number, request: StepRequest, actual: StepResult, options: CompareOptions): ComparedCase {
  const exact = oracleGradientsFor(request, options);
  const comparison = compareStep(request, actual, options, exact);
  return { kind, index, request, actual, comparison, diagnosis: () => diagnoseStep(request, actual, comparison, options, exact) };
}

/** A compared `train` case, diagnosed like a step (every step of the run wrong the same way) if a failure names it. */
export function trainCase(kind: string, index: number, request: TrainRequest, actual: TrainResult, options: CompareOptions): ComparedCase {
  const comparison = compareTrain(request, actual, options);
  return { kind, index, request, actual, comparison, diagnosis: () => diagnoseTrain(request, actual, comparison, options) };
}
