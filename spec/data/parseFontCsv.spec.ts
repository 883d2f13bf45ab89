import { describe, expect, it } from "vitest";
import { FontDataError, parseFontCsv } from "../../src/data/index.ts";

const HEADER = "RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND";

/** The error `parseFontCsv` throws for `text`, or a failure if it does not throw a FontDataError. */
function errorFor(text: string, fileName = "data.csv"): FontDataError {
  try {
    parseFontCsv(text, fileName);
  } catch (error: unknown) {
    if (error instanceof FontDataError) return error;
    throw error;
  }
  throw new Error(`expected parseFontCsv to reject ${JSON.stringify(text)}`);
}

describe("parseFontCsv: well-formed input", () => {
  it("reads colours, scales inputs by 1/255 and wraps labels as targets", () => {
    const data = parseFontCsv(`${HEADER}\n0,0,0,0\n255,128,51,1\n`, "data.csv");
    expect(data.rgb).toEqual([[0, 0, 0], [255, 128, 51]]);
    expect(data.inputs).toEqual([[0, 0, 0], [1, 128 / 255, 51 / 255]]);
    expect(data.inputs[1]![2]).toBe(0.2); // 51/255 is exactly the double nearest 0.2
    expect(data.targets).toEqual([[0], [1]]);
  });

  it("tolerates a BOM, CRLF, spaces around fields, no final newline and trailing blank lines", () => {
    const plain = parseFontCsv(`${HEADER}\n10,20,30,1\n40,50,60,0\n`, "a.csv");
    const messy = parseFontCsv(`\uFEFF RED , GREEN,BLUE ,LIGHT_OR_DARK_FONT_IND\r\n 10, 20 ,30,1 \r\n40,50,60,0\r\n\r\n  \n`, "b.csv");
    const noFinalNewline = parseFontCsv(`${HEADER}\n10,20,30,1\n40,50,60,0`, "c.csv");
    expect(messy).toEqual(plain);
    expect(noFinalNewline).toEqual(plain);
  });

  it("accepts leading zeros in colours", () => {
    expect(parseFontCsv(`${HEADER}\n007,000,255,1\n`, "d.csv").rgb).toEqual([[7, 0, 255]]);
  });
});

describe("parseFontCsv: malformed input names file:line:column", () => {
  const cases: readonly { what: string; text: string; where: string; says: string }[] = [
    { what: "empty file", text: "", where: "data.csv:1:1", says: "empty" },
    { what: "blank file", text: " \r\n\n", where: "data.csv:1:1", says: "empty" },
    { what: "header only", text: `${HEADER}\n`, where: "data.csv:2:1", says: "no data rows" },
    { what: "no header", text: "0,0,0,0\n1,1,1,0\n", where: "data.csv:1:1", says: 'must be RED, found "0"' },
    { what: "wrong header name", text: "RED,GREEN,BLUE,LABEL\n0,0,0,0\n", where: "data.csv:1:4", says: 'must be LIGHT_OR_DARK_FONT_IND, found "LABEL"' },
    { what: "header in another order", text: "GREEN,RED,BLUE,LIGHT_OR_DARK_FONT_IND\n0,0,0,0\n", where: "data.csv:1:1", says: "must be RED" },
    { what: "short header", text: "RED,GREEN,BLUE\n0,0,0\n", where: "data.csv:1:4", says: "no LIGHT_OR_DARK_FONT_IND column" },
    { what: "long header", text: `${HEADER},EXTRA\n0,0,0,0\n`, where: "data.csv:1:5", says: "expected 4" },
    { what: "too few fields", text: `${HEADER}\n1,2,3,0\n1,2,3\n`, where: "data.csv:3:4", says: "LIGHT_OR_DARK_FONT_IND is missing: expected 4 fields, found 3" },
    { what: "too many fields", text: `${HEADER}\n1,2,3,0,9\n`, where: "data.csv:2:5", says: "expected 4 fields" },
    { what: "blank line inside", text: `${HEADER}\n1,2,3,0\n\n4,5,6,0\n`, where: "data.csv:3:1", says: "empty line" },
    { what: "non-numeric BLUE", text: `${HEADER}\n1,2,abc,0\n`, where: "data.csv:2:3", says: 'BLUE must be an integer from 0 to 255, found "abc"' },
    { what: "empty RED", text: `${HEADER}\n,2,3,0\n`, where: "data.csv:2:1", says: 'RED must be an integer from 0 to 255, found ""' },
    { what: "GREEN above 255", text: `${HEADER}\n1,256,3,0\n`, where: "data.csv:2:2", says: 'GREEN must be an integer from 0 to 255, found "256"' },
    { what: "negative colour", text: `${HEADER}\n-1,2,3,0\n`, where: "data.csv:2:1", says: 'found "-1"' },
    { what: "fractional colour", text: `${HEADER}\n1,2.5,3,0\n`, where: "data.csv:2:2", says: 'found "2.5"' },
    { what: "exponent colour", text: `${HEADER}\n1e2,2,3,0\n`, where: "data.csv:2:1", says: 'found "1e2"' },
    { what: "label 2", text: `${HEADER}\n1,2,3,0\n1,2,3,2\n`, where: "data.csv:3:4", says: 'LIGHT_OR_DARK_FONT_IND must be 0 or 1, found "2"' },
    { what: "label 1.0", text: `${HEADER}\n1,2,3,1.0\n`, where: "data.csv:2:4", says: 'found "1.0"' },
    { what: "empty label", text: `${HEADER}\n1,2,3,\n`, where: "data.csv:2:4", says: 'found ""' },
    { what: "error deep in a CRLF file", text: `\uFEFF${HEADER}\r\n${"1,2,3,0\r\n".repeat(15)}9,9,x,1\r\n`, where: "data.csv:17:3", says: 'BLUE must be an integer from 0 to 255, found "x"' },
  ];

  for (const { what, text, where, says } of cases) {
    it(`${what} → ${where}`, () => {
      const error = errorFor(text);
      expect(error.message.startsWith(`${where}: `), `message was: ${error.message}`).toBe(true);
      expect(error.message).toContain(says);
      const [, line, column] = where.split(":");
      expect(error.file).toBe("data.csv");
      expect(error.line).toBe(Number(line));
      expect(error.column).toBe(Number(column));
    });
  }

  it("uses the file name it is given and shortens a long field", () => {
    const error = errorFor(`${HEADER}\n${"9".repeat(100)},0,0,0\n`, "dir/colours.csv");
    expect(error.message.startsWith("dir/colours.csv:2:1: ")).toBe(true);
    expect(error.message.length).toBeLessThan(150);
  });
});
