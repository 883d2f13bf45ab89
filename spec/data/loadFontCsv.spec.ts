import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { darkFontLabel, FontDataError, loadFontCsv } from "../../src/data/index.ts";
import { REAL_DATA_NOTE, REAL_DATA_PATH, REAL_DATA_PRESENT } from "./realData.ts";

const dir = mkdtempSync(join(tmpdir(), "nncheck-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadFontCsv", () => {
  it("reads a file and reports errors under its path", () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND\n1,2,3,0\n1,2,300,1\n");
    expect(() => loadFontCsv(path)).toThrow(`${path}:3:3: BLUE must be an integer from 0 to 255, found "300"`);
  });

  it("names a missing file", () => {
    const path = join(dir, "missing.csv");
    expect(() => loadFontCsv(path)).toThrow(FontDataError);
    expect(() => loadFontCsv(path)).toThrow(`${path}: cannot read the data file: no such file`);
  });

  it("names a directory and a file that is not UTF-8", () => {
    expect(() => loadFontCsv(dir)).toThrow(`${dir}: cannot read the data file`);
    const path = join(dir, "latin1.csv");
    writeFileSync(path, Buffer.from([0x52, 0x45, 0x44, 0xff, 0x0a]));
    expect(() => loadFontCsv(path)).toThrow(`${path}: cannot read the data file: it is not UTF-8 text`);
  });

  it.skipIf(!REAL_DATA_PRESENT)(`loads the seed's 1,345 rows and the rule reproduces every label ${REAL_DATA_NOTE}`, () => {
    const data = loadFontCsv(REAL_DATA_PATH);
    expect(data.rgb).toHaveLength(1345);
    // Counts from SOURCE.md, which were taken independently of this code.
    expect(data.targets.filter(([y]) => y === 1)).toHaveLength(833);
    expect(data.rgb[0]).toEqual([0, 0, 0]);
    const disagreements = data.rgb.filter(([r, g, b], i) => darkFontLabel(r!, g!, b!) !== data.targets[i]![0]);
    expect(disagreements).toEqual([]);
    data.rgb.forEach((colour, i) => expect(data.inputs[i]).toEqual(colour.map((c) => c / 255)));
  });
});
