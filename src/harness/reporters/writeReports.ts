import { appendFileSync, writeFileSync } from "node:fs";
import type { RunReport } from "../runReport.ts";
import { RunSetupError } from "../RunSetupError.ts";
import { REPORTERS, type ReporterName } from "./index.ts";
import { markdownReporter } from "./markdownReporter.ts";
import type { ReporterTarget } from "./reporterTargets.ts";

/** Where `writeReports` writes besides the targets' files. */
export interface ReportSinks {
  /** stdout, one call per text (the newline is added). */
  readonly out: (text: string) => void;
  /** stderr, for notes. */
  readonly err: (text: string) => void;
  /** Whether stdout is a terminal that takes colours (the pretty reporter then uses them). */
  readonly color?: boolean;
  /** The environment: `GITHUB_STEP_SUMMARY` is where the github reporter appends its job summary. */
  readonly env?: NodeJS.ProcessEnv;
  /** Writes a target's file (default: writeFileSync); `nncheck run` hands in the files it opened before the run. */
  readonly writeFile?: (file: string, text: string) => void;
}

/**
 * Renders `report` with each target's reporter and writes it to the target's file (or stdout). The github
 * reporter also appends the Markdown report to the file `$GITHUB_STEP_SUMMARY` names (GitHub Actions sets it
 * for each step); without it a note on stderr says no job summary was written. A file that cannot be written is
 * a `RunSetupError`.
 */
export function writeReports(report: RunReport, targets: readonly ReporterTarget[], sinks: ReportSinks): void {
  for (const { name, file } of targets) {
    const text = REPORTERS[name as ReporterName](report, { color: file === undefined && sinks.color === true });
    if (file === undefined) sinks.out(text);
    else write(file, name, text, sinks.writeFile ?? writeFileSync);
    if (name === "github") {
      const summary = sinks.env?.GITHUB_STEP_SUMMARY;
      if (summary === undefined || summary === "") sinks.err("nncheck run: --reporter github: GITHUB_STEP_SUMMARY is not set (not a GitHub Actions step?), so no job summary was written; --reporter markdown:FILE writes the same Markdown anywhere");
      else write(summary, "github job summary", markdownReporter(report), appendFileSync);
    }
  }
}

function write(file: string, name: string, text: string, how: (file: string, text: string) => void): void {
  try {
    how(file, `${text}\n`);
  } catch (error) {
    throw new RunSetupError(`cannot write the ${name} report to ${file}: ${(error as Error).message}`);
  }
}
