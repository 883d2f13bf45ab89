import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { htmlReporter, jsonReporter } from "../harness/reporters/index.ts";
import { compactJsonText } from "../harness/reporters/compactJsonText.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import type { ImplementationMatrix } from "./compareRuns.ts";
import { filesOf } from "./matrixReporters.ts";
import { badgeOf, reportCardOf } from "./reportCard.ts";

/**
 * Writes, in `dir` (created), per implementation of `comparison`: `<label>.report.json` and `<label>.report.html`
 * (its whole run, when it ran), `<label>.card.json` (its report card) and `<label>.badge.json` (its shields.io
 * endpoint badge). A directory or file that cannot be written is a `RunSetupError`.
 */
export function writeComparison(comparison: ImplementationMatrix, dir: string): void {
  prepareOutDir(dir);
  for (const column of comparison.columns) {
    const files = filesOf(column.spec.label);
    if (column.report !== undefined) {
      writeText(join(dir, files.report), jsonReporter(column.report));
      writeText(join(dir, files.html), htmlReporter(column.report));
    }
    writeText(join(dir, files.card), compactJsonText(reportCardOf(column, comparison)));
    writeText(join(dir, files.badge), JSON.stringify(badgeOf(column, comparison.rows.length)));
  }
}

/** Creates `dir` (and its parents) if missing: done before the runs, so that a bad --out-dir fails at once. */
export function prepareOutDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new RunSetupError(`--out-dir ${dir}: cannot create it: ${(error as Error).message}`);
  }
}

/** Writes `text` and a newline to `file`; failing is a `RunSetupError` naming the file. */
export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, `${text}\n`);
  } catch (error) {
    throw new RunSetupError(`cannot write ${file}: ${(error as Error).message}`);
  }
}
