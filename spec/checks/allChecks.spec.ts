import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { METHODS } from "../../src/implementation.ts";
import { ACTIVATIONS } from "../../src/network/types.ts";

const checks = allChecks();

describe("allChecks (the registry)", () => {
  it("has checks, with unique ids", () => {
    expect(checks.length).toBeGreaterThan(0);
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

  it("returns the same ids in the same order every time (reports rely on it)", () => {
    expect(allChecks().map((c) => c.id)).toEqual(checks.map((c) => c.id));
  });
});
