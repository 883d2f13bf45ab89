import type { Check } from "./check.ts";
import type { Shard } from "./runReport.ts";
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
  /** Run only this shard of what `only` and `skip` select (applied last). */
  readonly shard?: Shard;
}

/**
 * The checks `selection` selects, in their original order. An `only` or `skip` pattern that matches no check at
 * all is a `RunSetupError` (a typo would otherwise run nothing and pass, or run what it meant to skip), and so is
 * an empty shard. Shard i of n takes every n-th selected check from the i-th: the shards are disjoint, their
 * union is the selection, their sizes differ by at most one, and the same selection always shards the same way.
 */
export function selectChecks(checks: readonly Check[], selection: Selection): Check[] {
  const only = (selection.only ?? []).map((pattern) => ({ pattern, matches: idMatcher(pattern) }));
  const skip = (selection.skip ?? []).map((pattern) => ({ pattern, matches: idMatcher(pattern) }));
  for (const [flag, patterns] of [["--only", only], ["--skip", skip]] as const) {
    for (const { pattern, matches } of patterns) {
      if (!checks.some((check) => matches(check.id))) {
        throw new RunSetupError(`${flag} ${JSON.stringify(pattern)} matches no check; run 'nncheck list' to see the ids`);
      }
    }
  }
  const selected = checks.filter((check) =>
    (only.length === 0 || only.some(({ matches }) => matches(check.id))) && !skip.some(({ matches }) => matches(check.id)));
  const { shard } = selection;
  if (shard === undefined) return selected;
  const part = selected.filter((_, k) => k % shard.count === shard.index - 1);
  if (part.length === 0) {
    throw new RunSetupError(`--shard ${shard.index}/${shard.count} selects no check: only ${selected.length} ${selected.length === 1 ? "check is" : "checks are"} selected; use fewer shards`);
  }
  return part;
}

/** The `--shard` value `text`, "i/n" with 1 ≤ i ≤ n; anything else is a `RunSetupError`. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]), count = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new RunSetupError(`--shard must be i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}
