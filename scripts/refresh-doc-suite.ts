/**
 * Rewrites the suite identity quoted in docs/reporters.md's examples (`"checks": N, "hash": "sha256:…"`, the
 * abbreviated `sha256:0123456789ab…` and "(N checks)") to the current registry's, so the examples show what a run
 * prints today. spec/docs/reporters.spec.ts fails when they drift; run `npm run docs:suite` after changing checks
 * or fixtures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { allChecks, suiteIdentity } from "../src/checks/index.ts";
import { refreshSuiteIdentity } from "../spec/docs/docSuiteIdentity.ts";

const path = new URL("../docs/reporters.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = refreshSuiteIdentity(before, suiteIdentity(allChecks()));
writeFileSync(path, after);
console.log(after === before ? "docs/reporters.md: suite identity already current" : "docs/reporters.md: suite identity refreshed");
