/** The compact fields reports draw from: heatmaps of every entry, cost curves of train checks, ulp curves of audits. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import seedPort from "../../examples/seed-port/seedPort.ts";
import { auditDomain } from "../../src/activationAudit/index.ts";
import { allChecks } from "../../src/checks/index.ts";
import { compactRatio, entryGrids, MAX_HEATMAP_CELLS, type EntryHeatmap } from "../../src/checks/entryHeatmap.ts";
import type { CostCurveCase } from "../../src/checks/comparisonOutcome.ts";
import type { UlpCurve } from "../../src/checks/activationChecks.ts";
import { loadFixture } from "../../src/fixtures/index.ts";
import { entryResult, type EntryResult } from "../../src/gradcheck/index.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { runCheck, tamper } from "./runCheck.ts";
import { reference } from "../../src/reference/index.ts";

const byId = (id: string) => allChecks().find((c) => c.id === id)!;
const schema = JSON.parse(readFileSync(new URL("../../docs/schemas/report.schema.json", import.meta.url), "utf8")) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true }).addSchema(schema);
/** Whether `details`, written as the JSON reporter writes it, is what the report schema describes. */
function detailsValid(details: unknown): true | string {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/details`)!;
  const json: unknown = JSON.parse(JSON.stringify(details, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v)));
  return validate(json) ? true : JSON.stringify(validate.errors);
}

describe("compactRatio", () => {
  it("rounds up to 3 significant digits, so a failing ratio never shows as 1 and a passing one never above it", () => {
    expect(compactRatio(1.0004)).toBe(1.01);
    expect(compactRatio(1 + 2 ** -52)).toBeGreaterThan(1);
    expect(compactRatio(0.99951)).toBe(1);
    expect(compactRatio(1)).toBe(1);
    expect(compactRatio(123456)).toBe(124000);
    expect(compactRatio(0)).toBe(0);
    expect(compactRatio(Infinity)).toBe(Infinity);
  });
});

describe("entryGrids", () => {
  const e = (name: string, expected: number, actual: number): EntryResult => entryResult(name, expected, actual, "float64", 1, "test");

  it("lays W out by row and column, b as a column beside it, scalars as 1×1, and leaves per-step series out", () => {
    const grids = entryGrids([e("cost", 1, 1), e("W1[0][0]", 1, 1), e("W1[0][1]", 2, 2), e("W1[1][1]", 3, 4), e("b1[1]", 5, 5), e("costs[3]", 1, 2)])!;
    expect(grids.map((g) => [g.name, g.indices, g.rows, g.cols])).toEqual([["cost", 0, 1, 1], ["W1", 2, 2, 2], ["b1", 1, 2, 1]]);
    const w1 = grids[1]!;
    expect(w1.expected).toEqual([[1, 2], [null, 3]]); // W1[1][0] was not compared: a hole, not a zero
    expect(w1.actual[1]![1]).toBe(4);
    expect(w1.ratio[1]![1]).toBeGreaterThan(1);
    expect(w1.ratio[0]![0]).toBe(0);
  });

  it("marks entries that passed with a ratio above 1 (finite differences on a kink) as unjudged", () => {
    const atKink = { ...e("W1[0][0]", 0, 1), ok: true };
    expect(entryGrids([atKink])![0]!.unjudged).toEqual([[0, 0]]);
  });

  it("gives up beyond MAX_HEATMAP_CELLS cells, and on names that are not arrays", () => {
    const many = Array.from({ length: MAX_HEATMAP_CELLS + 1 }, (_, k) => e(`W1[${k}][0]`, 0, 0));
    expect(entryGrids(many)).toBeUndefined();
    expect(entryGrids([e("relu′(-0)", 0, 1)])).toBeUndefined();
  });
});

describe("report data in check details", () => {
  it("a failing gradients check of the seed port carries a heatmap of every entry, with W1's rows broadcast", async () => {
    const outcome = await runCheck(byId("fixture/worked-example/gradients/y=0"), seedPort);
    expect(outcome.status).toBe("failed");
    const heatmap = outcome.details?.["heatmap"] as EntryHeatmap;
    expect(heatmap.grids.map((g) => `${g.name} ${g.rows}×${g.cols}`)).toEqual(["cost 1×1", "W1 3×3", "b1 3×1", "W2 1×3", "b2 1×1"]);
    const cells = heatmap.grids.flatMap((g) => g.ratio.flat());
    expect(cells.filter((r) => r !== null)).toHaveLength(outcome.details!.compared!);
    // The broadcast: every row of the port's dC/dW1 is the same, the exact rows differ.
    const w1 = heatmap.grids[1]!;
    for (const row of w1.actual) expect(row).toEqual(w1.actual[0]);
    expect(new Set(w1.expected.map((row) => row[0])).size).toBe(3);
    // Exactly the entries the per-entry table calls failing are above 1, each at its own error / tolerance.
    const failing = heatmap.grids.flatMap((g) => g.ratio.flatMap((row, i) => row.flatMap((r, j) => (r! > 1 ? [g.indices === 1 ? `${g.name}[${i}]` : `${g.name}[${i}][${j}]`] : []))));
    const entries = outcome.details!.entries!;
    expect(failing.sort()).toEqual(entries.filter((x) => !x.ok).map((x) => x.entry).sort());
    expect(detailsValid(outcome.details)).toBe(true);
    const b11 = entries.find((x) => x.entry === "b1[1]")!;
    expect(heatmap.grids[2]!.ratio[1]![0]! / (b11.absError / b11.tolerance)).toBeCloseTo(1, 2);
  });

  it("a train check carries the cost curve of every chunk, continuous over the trajectory, exact costs from the oracle", async () => {
    const outcome = await runCheck(byId("fixture/sgd-trajectory/train"), seedPort);
    expect(outcome.status).toBe("failed");
    const curve = outcome.details?.["costCurve"] as CostCurveCase[];
    const fixture = loadFixture("sgd-trajectory");
    expect(curve.map((c) => c.firstStep)).toEqual(curve.map((_, k) => 25 * k));
    expect(curve.reduce((n, c) => n + c.exact.length, 0)).toBe(fixture.order.length);
    expect(curve.every((c) => c.actual.length === c.exact.length && c.ratio.length === c.exact.length)).toBe(true);
    // Independently: the exact cost before step 0 is the oracle's cost of the first sample at the initial weights.
    const s = fixture.order[0]!;
    const first = createOracle().gradients(fixture.network, fixture.initialParams, [fixture.data.inputs[s]!], [fixture.data.targets[s]!]).cost.toNumber();
    expect(curve[0]!.exact[0]).toBeCloseTo(first, 5);
    expect(curve.some((c) => c.ratio.some((r) => r > 1))).toBe(true);
    expect(curve.some((c) => c.paramsRatio! > 1)).toBe(true);
    expect(detailsValid(outcome.details)).toBe(true);
  });

  it("a passing oracle train check carries its curve too, every ratio at most 1", async () => {
    const outcome = await runCheck(byId("oracle/train/3-3-1"), reference, 25);
    expect(outcome.status).toBe("passed");
    const curve = outcome.details?.["costCurve"] as CostCurveCase[];
    expect(curve.length).toBeGreaterThanOrEqual(3);
    expect(curve.every((c) => c.exact.length === 12 && c.ratio.every((r) => r <= 1) && c.paramsRatio! <= 1)).toBe(true);
  });

  it("a train answer without costs still gives each case its final-parameter ratio", async () => {
    const withoutCosts = tamper(reference, "train", ({ params }) => ({ params }));
    const outcome = await runCheck(byId("oracle/train/3-3-1"), withoutCosts, 25);
    const curve = outcome.details?.["costCurve"] as CostCurveCase[];
    expect(curve.every((c) => c.exact.length === 0 && c.paramsRatio !== null)).toBe(true);
  });

  it("an activation audit carries the ulp curve: every domain point in a bin, the NaN run of d_logistic at the worst", async () => {
    const outcome = await runCheck(byId("activation/logistic/audit"), seedPort);
    const curve = outcome.details?.["ulpCurve"] as UlpCurve;
    expect(detailsValid(outcome.details)).toBe(true);
    expect(curve.x0.length).toBeLessThanOrEqual(curve.bins);
    expect(curve.lossyUlps).toBe(8);
    for (let k = 0; k < curve.x0.length; k++) {
      expect(curve.x0[k]!).toBeLessThanOrEqual(curve.x1[k]!);
      if (k > 0) expect(curve.x1[k - 1]!).toBeLessThan(curve.x0[k]!);
    }
    for (const x of auditDomain("float64")) expect(curve.x0.some((x0, k) => x0 <= x && x <= curve.x1[k]!)).toBe(true);
    const nonFinite = outcome.details?.["nonFinite"] as { derivative: { to: number } };
    curve.x1.forEach((x1, k) => { if (x1 <= nonFinite.derivative.to) expect(curve.derivative[k]).toBe(Infinity); });
    curve.x0.forEach((x0, k) => { if (x0 >= -30 && curve.x1[k]! <= 30) expect(curve.value[k]).toBeLessThanOrEqual(8); });
  });
});
