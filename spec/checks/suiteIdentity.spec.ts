import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allChecks, suiteIdentity } from "../../src/checks/index.ts";
import { FIXTURE_KINDS, fixturePath } from "../../src/fixtures/index.ts";
import { NNCHECK_VERSION } from "../../src/harness/index.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-suite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const kind of FIXTURE_KINDS) copyFileSync(fixturePath(kind), fixturePath(kind, dir));

describe("suiteIdentity", () => {
  const checks = allChecks();
  const identity = suiteIdentity(checks);

  it("names nncheck's version, the registry's size and a SHA-256", () => {
    expect(identity).toEqual({ version: NNCHECK_VERSION, checks: checks.length, hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(suiteIdentity(allChecks())).toEqual(identity);
    expect(suiteIdentity(checks, dir)).toEqual(identity);
  });

  it("changes when a check id changes, checks are reordered, or one fixture byte changes; not with CRLF line endings", () => {
    expect(suiteIdentity(checks.slice(1)).hash).not.toBe(identity.hash);
    expect(suiteIdentity([checks[1]!, checks[0]!, ...checks.slice(2)]).hash).not.toBe(identity.hash);
    const path = fixturePath("worked-example", dir);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(/\n/g, "\r\n"));
    expect(suiteIdentity(checks, dir).hash).toBe(identity.hash);
    writeFileSync(path, text.replace('"learningRate": "0.05"', '"learningRate": "0.06"'));
    expect(text).toContain('"learningRate": "0.05"');
    expect(suiteIdentity(checks, dir).hash).not.toBe(identity.hash);
  });
});
