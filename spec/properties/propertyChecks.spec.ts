import { describe, expect, it } from "vitest";
import { propertyChecks } from "../../src/checks/propertyChecks.ts";
import { unmetNeeds } from "../../src/harness/unmetNeeds.ts";
import { METHODS, type Implementation } from "../../src/implementation.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { reference } from "../../src/reference/index.ts";
import plain from "../../examples/mutants/plain.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";
import { runProperty } from "./runProperty.ts";

const checks = propertyChecks();
/** The run seed of the pass tests: NNCHECK_PROPERTY_SEED from the environment, else 11 (printed, to replay a failure). */
const seed = Number(process.env["NNCHECK_PROPERTY_SEED"] ?? 11);

describe("propertyChecks", () => {
  it("are 38 checks with unique property/<area>/<name> ids and one-sentence descriptions", () => {
    expect(checks).toHaveLength(38);
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const c of checks) {
      expect(c.id).toMatch(/^property\/[a-z_]+\/[a-z0-9-]+$/); // an area may be an activation's name (leaky_relu)
      expect(c.description).toMatch(/^\S.*\.$/);
      expect(c.description.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/); // one sentence
      expect(c.needs.methods.every((m) => (METHODS as readonly string[]).includes(m))).toBe(true);
    }
  });

  it.each([
    ["the reference", reference],
    ["the plain implementation of the mutant catalogue (the seed's family only: the others are skipped)", plain],
    ["an independent float64 implementation", textbookImplementation({ arithmetic: "float64" })],
    ["a simulated float32 implementation declaring float32", textbookImplementation({ arithmetic: "float32" })],
  ])("all pass on %s", async (name, implementation) => {
    console.log(`property suite on ${name}: seed ${seed} (set NNCHECK_PROPERTY_SEED to change it)`);
    const hello = await implementation.hello();
    const offered = checks.filter((c) => unmetNeeds(c.needs, hello) === undefined); // as the runner does: the rest are skipped
    expect(offered.length).toBeGreaterThanOrEqual(25);
    const outcomes = await Promise.all(offered.map(async (c) => [c.id, await runProperty(c, implementation, { runs: 40, seed })] as const));
    expect(outcomes.filter(([, o]) => o.status !== "passed").map(([id, o]) => `${id}: ${o.message}`)).toEqual([]);
  });

  it("declare their needs honestly: only the methods, networks and activations they declare are used", async () => {
    for (const check of checks) {
      const used = { methods: new Set<string>(), networks: new Set<string>(), activations: new Set<string>() };
      const key = (n: NetworkSpec) => JSON.stringify([n.layers, n.activations]);
      const spy = Object.fromEntries(["forward", "gradients", "step", "train", "activation"].map((m) => [m, async (request: { network?: NetworkSpec; name?: string }) => {
        used.methods.add(m);
        if (request.network) used.networks.add(key(request.network));
        if (request.name) used.activations.add(request.name);
        return (reference[m as "forward"] as (r: unknown) => Promise<unknown>)(request);
      }])) as unknown as Implementation;
      await runProperty(check, { ...spy, hello: reference.hello }, { runs: 4 });
      expect([...used.methods].sort(), check.id).toEqual([...check.needs.methods].sort());
      expect([...used.networks].sort(), check.id).toEqual((check.needs.networks ?? []).map(key).sort());
      expect([...used.activations].every((a) => check.needs.activations?.includes(a as never)), check.id).toBe(true);
    }
  });
});
