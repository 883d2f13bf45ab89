import type { BaselineComparison, StatusChange } from "../../compare/baseline.ts";

/** Ids shown per list before "… and N more". */
const SHOWN = 20;

/**
 * The comparison with a baseline as plain lines: what differs between the runs, then newly failing, newly
 * passing, newly skipped, other status changes, added and removed ids (each list cut at 20 ids). `code` wraps
 * an id (Markdown passes backticks).
 */
export function baselineLines(b: BaselineComparison, code: (id: string) => string = (id) => id): string[] {
  const change = (c: StatusChange) => `${code(c.id)} (${c.was ?? "new"} → ${c.now})`;
  const list = (title: string, items: readonly string[]): string[] =>
    items.length === 0 ? [] : [`${title} (${items.length}): ${items.slice(0, SHOWN).join(", ")}${items.length > SHOWN ? `, … and ${items.length - SHOWN} more` : ""}`];
  const others = b.changed.filter((c) => ![b.newlyFailing, b.newlyPassing, b.newlySkipped].some((l) => l.includes(c)) && c.was !== undefined);
  const lines = [
    ...b.notices.map((n) => `note: ${n}`),
    ...list("newly failing", b.newlyFailing.map(change)),
    ...list("newly passing", b.newlyPassing.map(change)),
    ...list("newly skipped", b.newlySkipped.map(change)),
    ...list("other status changes", others.map(change)),
    ...list("ids not in the baseline", b.added.map(code)),
    ...list("ids of the baseline not in this run", b.removed.map(code)),
  ];
  const same = `${b.unchanged} ${b.unchanged === 1 ? "check" : "checks"} unchanged`;
  return [b.changed.length === 0 && b.removed.length === 0 ? `no change: ${same}` : `${b.newlyFailing.length} newly failing, ${b.newlyPassing.length} newly passing, ${b.newlySkipped.length} newly skipped; ${same}`, ...lines];
}
