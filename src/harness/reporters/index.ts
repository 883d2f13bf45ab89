import type { RunReport } from "../runReport.ts";
import { githubReporter } from "./githubReporter.ts";
import { gradescopeReporter } from "./gradescopeReporter.ts";
import { htmlReporter } from "./html/htmlReporter.ts";
import { jsonReporter } from "./jsonReporter.ts";
import { junitReporter } from "./junitReporter.ts";
import { markdownReporter } from "./markdownReporter.ts";
import { prettyReporter } from "./prettyReporter.ts";
import { tapReporter } from "./tapReporter.ts";

/** Options every reporter accepts (only `pretty` uses colour). */
export interface ReporterOptions {
  readonly color?: boolean;
}

/** A reporter renders a whole run as one text (without a final newline). */
export type Reporter = (report: RunReport, options?: ReporterOptions) => string;

/** Every reporter, by its `--reporter` name. */
export const REPORTERS = {
  pretty: prettyReporter,
  json: (report: RunReport) => jsonReporter(report),
  junit: (report: RunReport) => junitReporter(report),
  tap: (report: RunReport) => tapReporter(report),
  markdown: (report: RunReport) => markdownReporter(report),
  html: (report: RunReport) => htmlReporter(report),
  github: (report: RunReport) => githubReporter(report),
  gradescope: (report: RunReport) => gradescopeReporter(report),
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

export { prettyReporter, summaryLine } from "./prettyReporter.ts";
export { jsonReporter } from "./jsonReporter.ts";
export { junitReporter } from "./junitReporter.ts";
export { tapReporter } from "./tapReporter.ts";
export { markdownReporter } from "./markdownReporter.ts";
export { githubReporter, workflowCommand, MAX_ANNOTATIONS } from "./githubReporter.ts";
export { gradescopeReporter } from "./gradescopeReporter.ts";
export { htmlReporter } from "./html/htmlReporter.ts";
export { writeReports, type ReportSinks } from "./writeReports.ts";
export { reporterTargets, type ReporterTarget } from "./reporterTargets.ts";
export { createProgress, type Progress } from "./createProgress.ts";
