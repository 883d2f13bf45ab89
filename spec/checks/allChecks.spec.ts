import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { METHODS } from "../../src/implementation.ts";
import { ACTIVATIONS } from "../../src/network/types.ts";
import { REPO_ROOT } from "../cli/runCli.ts";

const checks = allChecks();

describe("allChecks (the registry)", () => {
  it("has unique ids", () => {
    const seen = new Set<string>();
    const duplicates = checks.map((c) => c.id).filter((id) => seen.size === seen.add(id).size);
    expect(duplicates).toEqual([]);
  });

  it("has ids that glob selection can address: slash-separated, no spaces, wildcards or empty segments", () => {
    const bad = checks.map((c) => c.id).filter((id) => !/^[A-Za-z0-9._=+-]+(\/[A-Za-z0-9._=+-]+)+$/.test(id));
    expect(bad).toEqual([]);
  });

  it("describes every check and states needs the runner understands", () => {
    for (const check of checks) {
      expect(check.description.trim(), check.id).not.toBe("");
      expect(check.needs.methods.length, check.id).toBeGreaterThan(0);
      expect(check.needs.methods.every((m) => (METHODS as readonly string[]).includes(m)), check.id).toBe(true);
      const activations = [...(check.needs.activations ?? []), ...(check.needs.networks ?? []).flatMap((n) => n.activations)];
      expect(activations.every((f) => ACTIVATIONS.includes(f)), check.id).toBe(true);
    }
  });

  it("has as many checks as the README says, family by family, in the order it documents", () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const number = (pattern: RegExp) => Number(pattern.exec(readme)?.[1]?.replace(/,/g, ""));
    const ids = checks.map((c) => c.id);
    const family = (prefix: string) => ids.filter((id) => id.startsWith(prefix));
    expect(ids).toHaveLength(number(/prints all ([\d,]+) check ids/));
    const documentedProperties = [...readme.matchAll(/^\| `(property\/[^`<]+)` \|/gm)].map((m) => m[1]);
    expect(family("property/")).toEqual(documentedProperties);
    expect(documentedProperties).toHaveLength(number(/(\d+) properties and metamorphic relations/));
    const cases = (JSON.parse(readFileSync(join(REPO_ROOT, "fixtures/random-cases.json"), "utf8")) as { cases: unknown[] }).cases.length;
    expect(cases).toBe(number(/each of the (\d+) seeded cases/));
    expect(family("fixture/random-cases/")).toHaveLength(3 * cases); // forward, gradients, step
    expect(family("activation/")).toEqual(ACTIVATIONS.map((f) => `activation/${f}/audit`));
    // The documented order: activation audits, fixtures, oracle, finite differences, properties.
    const order = ["activation/", "fixture/", "oracle/", "fd/", "property/"];
    const rank = (id: string) => order.findIndex((p) => id.startsWith(p));
    expect(ids.every((id) => rank(id) >= 0)).toBe(true);
    expect(ids.map(rank)).toEqual([...ids.map(rank)].sort((a, b) => a - b));
  });
});
