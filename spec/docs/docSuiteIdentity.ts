/** Finding and rewriting the suite identity quoted in a document's examples (docs/reporters.md). */
import type { SuiteIdentity } from "../../src/harness/runReport.ts";

const FULL = /sha256:[0-9a-f]{64}/g;
const SHORT = /sha256:[0-9a-f]{4,63}…/g;
const COUNT_JSON = /"checks": \d+, "hash"/g;
const COUNT_TEXT = /\((\d+) checks\)/g;

/** Every suite hash (full or abbreviated, "sha256:…" included) and registry count the text quotes. */
export function quotedSuiteIdentities(text: string): { readonly hashes: readonly string[]; readonly counts: readonly number[] } {
  const hashes = [...text.matchAll(FULL), ...text.matchAll(SHORT)].map((m) => m[0]);
  const counts = [...text.matchAll(COUNT_JSON)].map((m) => Number(/\d+/.exec(m[0])![0]))
    .concat([...text.matchAll(COUNT_TEXT)].map((m) => Number(m[1])));
  return { hashes, counts };
}

/** `text` with every quoted suite hash and registry count replaced by `suite`'s (abbreviations keep their length). */
export function refreshSuiteIdentity(text: string, suite: SuiteIdentity): string {
  return text
    .replace(FULL, suite.hash)
    .replace(SHORT, (m) => `${suite.hash.slice(0, m.length - 1)}…`)
    .replace(COUNT_JSON, `"checks": ${suite.checks}, "hash"`)
    .replace(COUNT_TEXT, `(${suite.checks} checks)`);
}
