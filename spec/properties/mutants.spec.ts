import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { propertyChecks } from "../../src/checks/propertyChecks.ts";
import { CATALOGUE } from "../../examples/mutants/catalogue.ts";
import { MUTATIONS, plainNetwork } from "../../examples/mutants/plainNetwork.ts";
import type { Implementation } from "../../src/implementation.ts";
import { unmetNeeds } from "../../src/harness/unmetNeeds.ts";
import { runProperty } from "./runProperty.ts";
import { WRONG_IMPLEMENTATIONS } from "./wrongImplementations.ts";
import { seedGradientsRequest } from "../protocol/helpers.ts";

const checks = propertyChecks();
/** The properties an implementation's hello offers everything for (the runner skips the rest, with the reason). */
const offeredTo = async (implementation: Implementation) => {
  const hello = await implementation.hello();
  return checks.filter((c) => unmetNeeds(c.needs, hello) === undefined);
};
const mutantsDir = new URL("../../examples/mutants/", import.meta.url);

describe("the mutant catalogue", () => {
  it("has a module per mutation, each one line away from the plain implementation", async () => {
    expect(CATALOGUE.map((m) => m.mutation).sort()).toEqual(MUTATIONS.filter((m) => m !== "none").sort());
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(12);
    for (const entry of CATALOGUE) {
      const source = readFileSync(new URL(entry.file, mutantsDir), "utf8");
      expect(source).toContain(`export default plainNetwork("${entry.mutation}");`);
      const mutant = ((await import(new URL(entry.file, mutantsDir).href)) as { default: Implementation }).default;
      expect((await mutant.hello()).name).toBe(`plain-${entry.mutation}`);
    }
  });

  it("is listed in the README with its bug", () => {
    const readme = readFileSync(new URL("README.md", mutantsDir), "utf8");
    for (const entry of CATALOGUE) expect(readme).toContain(`\`${entry.file}\``);
  });

  it("names only existing properties", () => {
    const ids = new Set(checks.map((c) => c.id));
    for (const entry of CATALOGUE) for (const id of [...entry.caughtBy, ...entry.sometimesCaughtBy]) expect(ids.has(id), id).toBe(true);
  });

  it("lets every property catch at least one mutant whatever the seed (or, beyond the mutants' family, a wrong implementation of spec/properties/wrongImplementations.ts)", () => {
    const catching = new Set([...CATALOGUE.flatMap((m) => m.caughtBy), ...WRONG_IMPLEMENTATIONS.map((w) => w.id)]);
    expect(checks.map((c) => c.id).filter((id) => !catching.has(id))).toEqual([]);
  });

  // The properties send no optimizer: an optimizer's mutant answers them exactly as plain.ts does (asserted here on
  // every method instead of running the whole property suite seven more times).
  it.each(CATALOGUE.filter((m) => m.optimizerOnly).map((m) => [m.mutation, m] as const))("%s answers every request without an optimizer exactly as plain.ts", async (_, entry) => {
    const mutant = ((await import(new URL(entry.file, mutantsDir).href)) as { default: Implementation }).default;
    const plain = plainNetwork();
    const request = { ...seedGradientsRequest, inputs: [...seedGradientsRequest.inputs, [0.2, -0.7, 0.4]], targets: [...seedGradientsRequest.targets, [1]], learningRate: 0.05, order: [1, 0, 1] };
    for (const method of ["forward", "gradients", "step", "train"] as const) expect(await mutant[method](request), method).toEqual(await plain[method](request));
    expect(await mutant.activation({ name: "relu", x: [-1, 0, 2] })).toEqual(await plain.activation({ name: "relu", x: [-1, 0, 2] }));
  });

  it.each(CATALOGUE.filter((m) => !m.optimizerOnly).map((m) => [m.mutation, m] as const))("%s fails exactly the properties the catalogue names", async (_, entry) => {
    const mutant = ((await import(new URL(entry.file, mutantsDir).href)) as { default: Implementation }).default;
    const outcomes = await Promise.all((await offeredTo(mutant)).map(async (c) => [c.id, await runProperty(c, mutant, { runs: 20, seed: 3 })] as const));
    expect(outcomes.filter(([, o]) => o.status !== "passed" && o.status !== "failed")).toEqual([]); // failed, never errored
    const failing = outcomes.filter(([, o]) => o.status === "failed").map(([id]) => id);
    for (const id of entry.caughtBy) expect(failing, `${entry.mutation} should fail ${id}`).toContain(id);
    for (const id of failing) expect([...entry.caughtBy, ...entry.sometimesCaughtBy], `${entry.mutation} fails ${id} unexpectedly`).toContain(id);
    for (const [, o] of outcomes.filter(([, o]) => o.status === "failed")) {
      expect(o.details?.replay).toMatch(/ --only property\/\S+ --replay \d+(:\d+)*$/);
      expect(o.details?.counterexample).toBeDefined();
    }
  });
});
