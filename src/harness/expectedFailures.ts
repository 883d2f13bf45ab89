import { readFileSync } from "node:fs";
import type { Check } from "./check.ts";
import { RunSetupError } from "./RunSetupError.ts";
import { idMatcher } from "./selectChecks.ts";

/** A check known to fail, and why: listed in an `--expect-fail` file. */
export interface ExpectedFailure {
  /** A check id, or an id glob as for `--only`. */
  readonly id: string;
  readonly reason: string;
}

/**
 * The entries of an expected-failures file: a JSON array of `{ "id": string, "reason": string }` (no other keys).
 * Anything else is a `RunSetupError` naming `source` and the bad entry.
 */
export function parseExpectedFailures(text: string, source: string): ExpectedFailure[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RunSetupError(`${source}: not valid JSON (${(error as Error).message}); expected a list of {"id": "…", "reason": "…"}`);
  }
  if (!Array.isArray(json)) {
    throw new RunSetupError(`${source}: expected a JSON list of {"id": "…", "reason": "…"}, got ${JSON.stringify(json)?.slice(0, 80)}`);
  }
  return json.map((entry: unknown, i) => {
    const bad = (what: string): never => {
      throw new RunSetupError(`${source}: entry ${i} (${JSON.stringify(entry)?.slice(0, 120)}): ${what}`);
    };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return bad(`expected an object {"id": "…", "reason": "…"}`);
    const record = entry as Record<string, unknown>;
    const extra = Object.keys(record).filter((key) => key !== "id" && key !== "reason");
    if (extra.length > 0) bad(`unexpected key ${JSON.stringify(extra[0])}; expected only "id" and "reason"`);
    for (const key of ["id", "reason"]) {
      if (typeof record[key] !== "string" || (record[key] as string).trim() === "") bad(`"${key}" must be a non-empty string`);
    }
    return { id: record.id as string, reason: record.reason as string };
  });
}

/** Reads and parses the expected-failures file `path` (see `parseExpectedFailures`). */
export function loadExpectedFailures(path: string): ExpectedFailure[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RunSetupError(`${path}: cannot read the expected-failures file: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  return parseExpectedFailures(text, path);
}

/**
 * Which expected failure covers each check, by check id. Every entry must match at least one of `checks` (all
 * known checks, not just the selected ones) and no check may be listed twice, so the list stays honest.
 */
export function matchExpectedFailures(entries: readonly ExpectedFailure[], checks: readonly Check[], source: string): Map<string, ExpectedFailure> {
  const byId = new Map<string, ExpectedFailure>();
  entries.forEach((entry, i) => {
    let matches: (id: string) => boolean;
    try {
      matches = idMatcher(entry.id);
    } catch (error) {
      throw new RunSetupError(`${source}: entry ${i}: ${(error as Error).message}`);
    }
    const covered = checks.filter((check) => matches(check.id));
    if (covered.length === 0) {
      throw new RunSetupError(`${source}: entry ${i}: id ${JSON.stringify(entry.id)} matches no check; remove it or fix the id (run 'nncheck list')`);
    }
    for (const check of covered) {
      const earlier = byId.get(check.id);
      if (earlier !== undefined) {
        throw new RunSetupError(`${source}: entry ${i}: check ${check.id} is already listed by entry ${entries.indexOf(earlier)} (${JSON.stringify(earlier.id)})`);
      }
      byId.set(check.id, entry);
    }
  });
  return byId;
}
