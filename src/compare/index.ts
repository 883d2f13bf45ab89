/** Comparing runs: a run against its baseline (regressions), and several implementations side by side (nncheck compare). */
export { compareWithBaseline, loadBaseline, regressionExitCode, type BaselineComparison, type BaselineReport, type StatusChange } from "./baseline.ts";
export { compareRuns, type CompareColumn, type CompareRunsOptions, type ImplementationMatrix, type ImplementationSpec } from "./compareRuns.ts";
export { implementationSpecs } from "./implementationLabels.ts";
export { areaTotals, filesOf, jsonMatrix, markdownMatrix, prettyMatrix } from "./matrixReporters.ts";
export { htmlMatrix } from "./matrixHtml.ts";
export { badgeOf, reportCardOf, slug, type EndpointBadge, type ReportCard } from "./reportCard.ts";
export { prepareOutDir, writeComparison } from "./writeComparison.ts";
