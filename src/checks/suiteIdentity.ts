import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { FIXTURE_KINDS, fixturePath } from "../fixtures/index.ts";
import type { Check } from "../harness/check.ts";
import type { SuiteIdentity } from "../harness/runReport.ts";
import { NNCHECK_VERSION } from "../harness/version.ts";

/**
 * What a report was measured against: nncheck's version, how many checks its registry holds, and a SHA-256 of
 * the check ids in registry order and of every fixture file (line endings normalised), so two reports can be
 * compared honestly — the same hash means the same checks on the same fixtures.
 */
export function suiteIdentity(checks: readonly Check[], fixturesDir?: string): SuiteIdentity {
  const hash = createHash("sha256").update("nncheck suite 1\n");
  for (const check of checks) hash.update(`check ${check.id}\n`);
  for (const kind of FIXTURE_KINDS) {
    const text = readFileSync(fixturePath(kind, fixturesDir), "utf8").replace(/\r\n/g, "\n");
    hash.update(`fixture ${kind} ${Buffer.byteLength(text)}\n`).update(text);
  }
  return { version: NNCHECK_VERSION, checks: checks.length, hash: `sha256:${hash.digest("hex")}` };
}
