/** docs/reporters.md and the README's report section against the code: every reporter and option described, every id real. */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allChecks, suiteIdentity } from "../../src/checks/index.ts";
import { compareCommand } from "../../src/cli/compareCommand.ts";
import { runCommand } from "../../src/cli/runCommand.ts";
import { REPORTERS } from "../../src/harness/index.ts";
import { quotedSuiteIdentities, refreshSuiteIdentity } from "./docSuiteIdentity.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const doc = read("docs/reporters.md");
const readme = read("README.md");
const section = readme.slice(readme.indexOf("## Reports, exit codes and replays"), readme.indexOf("## How verdicts are made"));
const options = (usage: string) => [...new Set([...usage.matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]))].filter((o) => o !== "--help");

describe("docs/reporters.md", () => {
  it("has a section with an example for every reporter, and the README's report section names each", () => {
    for (const name of Object.keys(REPORTERS)) {
      expect(doc, name).toMatch(new RegExp(`^## \`${name}\`( \\(default\\))?\\n[^]*?\`\`\``, "m"));
      expect(section, name).toContain(`\`${name}\``);
    }
  });

  it("describes every option of run and compare", () => {
    for (const option of [...options(runCommand.usage), ...options(compareCommand.usage)]) expect(doc, option).toContain(`\`${option}`);
  });

  it("names only check ids that exist, and no stale counts", () => {
    const ids = new Set(allChecks().map((c) => c.id));
    const named = [...doc.matchAll(/\b(?:activation|fixture|oracle|fd|property)\/[A-Za-z0-9_.=/-]*[A-Za-z0-9=]/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(20);
    for (const id of named) expect(ids.has(id) || [...ids].some((known) => known.startsWith(`${id}/`)), id).toBe(true);
    expect(doc).not.toMatch(/\b182 checks\b/);
  });

  it("shows a screenshot that exists", () => {
    expect(doc).toContain("](report-screenshot.png)");
    expect(section).toContain("](docs/report-screenshot.png)");
    expect(existsSync(new URL("../../docs/report-screenshot.png", import.meta.url))).toBe(true);
  });
});

describe("docs/reporters.md's examples", () => {
  it("quote the current suite identity (run `npm run docs:suite` after changing checks or fixtures)", () => {
    const suite = suiteIdentity(allChecks());
    const { hashes, counts } = quotedSuiteIdentities(doc);
    expect(hashes.length).toBeGreaterThan(5);
    for (const hash of hashes) expect(suite.hash.startsWith(hash.replace(/…$/, "")), hash).toBe(true);
    expect(counts.length).toBeGreaterThan(3);
    for (const count of counts) expect(count).toBe(suite.checks);
  });

  it("refreshing rewrites a stale hash and count, abbreviations keeping their length", () => {
    const stale = `"checks": 9, "hash": "sha256:${"0".repeat(64)}" and sha256:0123… (9 checks)`;
    const fresh = refreshSuiteIdentity(stale, { version: "0.1.0", checks: 12, hash: `sha256:${"ab".repeat(32)}` });
    expect(fresh).toBe(`"checks": 12, "hash": "sha256:${"ab".repeat(32)}" and sha256:abab… (12 checks)`);
  });
});
