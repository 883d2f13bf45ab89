import type { Check } from "./check.ts";
import { RunSetupError } from "./RunSetupError.ts";

/**
 * A predicate for the id glob `pattern`: `*` matches any characters but `/`, `**` matches anything; a pattern
 * without wildcards matches that id and every id below it (`property` matches `property/relu/idempotence`).
 */
export function idMatcher(pattern: string): (id: string) => boolean {
  const trimmed = pattern.trim().replace(/\/+$/, "");
  if (trimmed === "") throw new RunSetupError(`an id pattern is empty (got ${JSON.stringify(pattern)}); expected e.g. "oracle/gradients/*"`);
  if (!trimmed.includes("*")) return (id) => id === trimmed || id.startsWith(`${trimmed}/`);
  const source = trimmed
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  const regex = new RegExp(`^${source}$`);
  return (id) => regex.test(id);
}

/** Which patterns select which checks. */
export interface Selection {
  /** Id globs; when non-empty, only checks matching one of them run. */
  readonly only?: readonly string[];
  /** Id globs; checks matching one of them do not run (applied after `only`). */
  readonly skip?: readonly string[];
}

/**
 * The checks `selection` selects, in their original order. An `only` pattern that matches no check at all is a
 * `RunSetupError` (a typo would otherwise run nothing and pass).
 */
export function selectChecks(checks: readonly Check[], selection: Selection): Check[] {
  const only = (selection.only ?? []).map((pattern) => ({ pattern, matches: idMatcher(pattern) }));
  const skip = (selection.skip ?? []).map(idMatcher);
  for (const { pattern, matches } of only) {
    if (!checks.some((check) => matches(check.id))) {
      throw new RunSetupError(`--only ${JSON.stringify(pattern)} matches no check; run 'nncheck list' to see the ids`);
    }
  }
  return checks.filter((check) =>
    (only.length === 0 || only.some(({ matches }) => matches(check.id))) && !skip.some((matches) => matches(check.id)));
}
