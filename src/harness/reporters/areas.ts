import { RESULT_STATUSES, type CheckResult, type ResultStatus, type RunSummary } from "../runReport.ts";

/** A check's area: the first segment of its id (`activation`, `fixture`, `oracle`, `fd`, `property`). */
export const areaOf = (id: string): string => id.split("/")[0]!;

/** The checks of one area and how many ended in each status. */
export interface AreaSummary {
  readonly area: string;
  readonly checks: readonly CheckResult[];
  readonly summary: RunSummary;
}

/** `checks` by area, in the order the areas first appear (the registry's). */
export function areaSummaries(checks: readonly CheckResult[]): AreaSummary[] {
  const byArea = new Map<string, CheckResult[]>();
  for (const r of checks) byArea.set(areaOf(r.id), [...(byArea.get(areaOf(r.id)) ?? []), r]);
  return [...byArea].map(([area, list]) => {
    const summary = Object.fromEntries(RESULT_STATUSES.map((s) => [s, list.filter((r) => r.status === s).length])) as Record<ResultStatus, number>;
    return { area, checks: list, summary };
  });
}

/** Whether a status fails a run: failed, errored, xpassed. */
export const isBad = (status: ResultStatus): boolean => status === "failed" || status === "errored" || status === "xpassed";
