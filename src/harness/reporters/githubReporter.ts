import type { RunReport } from "../runReport.ts";
import { isBad } from "./areas.ts";
import { summaryLine } from "./prettyReporter.ts";
import { printable } from "./printable.ts";

/** GitHub shows at most 10 error annotations per step (and 10 warnings, 10 notices); the rest would vanish. */
export const MAX_ANNOTATIONS = 10;

/**
 * The report as GitHub Actions workflow commands, for stdout: one `::error title=nncheck <status>: <id>::<message>`
 * annotation per failed, errored or xpassed check (the first MAX_ANNOTATIONS), its replay command on the
 * annotation's second line; a `::warning` naming how many more were left out; and a `::notice` with the summary
 * line. The job summary (Markdown, see `markdownReporter`) goes to `$GITHUB_STEP_SUMMARY` (see `writeReports`).
 */
export function githubReporter(report: RunReport): string {
  const bad = report.checks.filter((r) => isBad(r.status));
  const lines = bad.slice(0, MAX_ANNOTATIONS).map((r) => {
    const replay = r.details?.replay ?? `${report.replay} --only ${r.id}`;
    return workflowCommand("error", { title: `nncheck ${r.status}: ${r.id}` }, `${r.message}\nreplay: ${replay}`);
  });
  if (bad.length > MAX_ANNOTATIONS) {
    const more = bad.length - MAX_ANNOTATIONS;
    lines.push(workflowCommand("warning", { title: "nncheck" }, `${more} more failing ${more === 1 ? "check is" : "checks are"} not annotated (GitHub shows ${MAX_ANNOTATIONS} error annotations per step); the job summary lists every one: ${bad.slice(MAX_ANNOTATIONS).map((r) => r.id).join(", ")}`));
  }
  lines.push(workflowCommand("notice", { title: `nncheck: ${report.implementation.name}` }, `${summaryLine(report)}\nreplay: ${report.replay}`));
  return lines.join("\n");
}

/**
 * One workflow command, `::name key=value,…::message`, escaped as GitHub's runner expects: in the message `%`,
 * CR and LF as `%25`, `%0D`, `%0A`; in property values also `:` and `,` as `%3A` and `%2C`.
 */
export function workflowCommand(name: string, properties: Readonly<Record<string, string>>, message: string): string {
  const data = (text: string) => printable(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
  const property = (text: string) => data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const props = Object.entries(properties).map(([k, v]) => `${k}=${property(v)}`).join(",");
  return `::${name}${props === "" ? "" : ` ${props}`}::${data(message)}`;
}
