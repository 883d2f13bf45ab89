import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { unmetNeeds } from "../../src/harness/index.ts";
import type { Hello } from "../../src/implementation.ts";

/** `nncheck list` before the family grew (costs, reductions, leaky_relu, softplus, silu, softmax), recorded once. */
const SEED_ERA_IDS = readFileSync(fileURLToPath(new URL("./seed-era-check-ids.txt", import.meta.url)), "utf8").trim().split("\n");

/** A hello as protocol v1 had it before `costs` and `reductions`: every method, the seed's four activations. */
const seedEraHello: Hello = { protocol: 1, name: "seed era", dtype: "float64", methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"] };

describe("an implementation that declares only the seed era's hello (no costs, no reductions)", () => {
  it("gets exactly the seed era's checks, with their ids: everything else is skipped, with the reason", () => {
    const checks = allChecks();
    const run = checks.filter((c) => unmetNeeds(c.needs, seedEraHello) === undefined).map((c) => c.id);
    expect(run).toEqual(SEED_ERA_IDS);
    const skipped = checks.filter((c) => !SEED_ERA_IDS.includes(c.id));
    expect(skipped.length).toBeGreaterThan(100);
    for (const c of skipped) expect(unmetNeeds(c.needs, seedEraHello), c.id).toMatch(/^needs (activation|cost|reduction|optimizer) "/);
  });

  it("sends those checks the seed era's requests: squared_error, no reduction key", () => {
    for (const c of allChecks().filter((k) => SEED_ERA_IDS.includes(k.id))) {
      for (const n of c.needs.networks ?? []) {
        expect(n.cost, c.id).toBe("squared_error");
        expect("reduction" in n, c.id).toBe(false);
      }
    }
  });
});
