import type { FontData, FontLabel } from "./fontData.ts";
import { makeFontData } from "./fontData.ts";
import { FontDataError } from "./FontDataError.ts";

/** The seed CSV's header, field by field. */
export const FONT_CSV_COLUMNS = ["RED", "GREEN", "BLUE", "LIGHT_OR_DARK_FONT_IND"] as const;

const HEADER = FONT_CSV_COLUMNS.join(",");

/**
 * Parses the seed's CSV (`RED,GREEN,BLUE,LIGHT_OR_DARK_FONT_IND`, rows of 0–255 integers and a 0/1 label) into
 * `FontData`. Tolerates a UTF-8 BOM, CRLF, spaces around fields and trailing blank lines; anything else throws a
 * `FontDataError` located at `fileName:line:column` (column = field number).
 */
export function parseFontCsv(text: string, fileName: string): FontData {
  const lines = text.replace(/^\uFEFF/, "").split("\n").map((line) => line.replace(/\r$/, ""));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  const fail = (line: number, column: number, problem: string): never => {
    throw new FontDataError(fileName, line, column, problem);
  };

  if (lines.length === 0) fail(1, 1, `the file is empty; expected the header ${HEADER}`);
  checkHeader(lines[0]!, fail);
  if (lines.length === 1) fail(2, 1, "no data rows after the header");

  const rgb: number[][] = [];
  const labels: FontLabel[] = [];
  for (let i = 1; i < lines.length; i++) {
    const lineNumber = i + 1;
    const fields = splitFields(lines[i]!, lineNumber, fail);
    rgb.push(fields.slice(0, 3).map((field, k) => colourValue(field, lineNumber, k + 1, fail)));
    labels.push(labelValue(fields[3]!, lineNumber, fail));
  }
  return makeFontData(rgb, labels);
}

type Fail = (line: number, column: number, problem: string) => never;

function checkHeader(line: string, fail: Fail): void {
  const fields = line.split(",").map((field) => field.trim());
  for (let k = 0; k < Math.max(fields.length, FONT_CSV_COLUMNS.length); k++) {
    const expected = FONT_CSV_COLUMNS[k];
    const found = fields[k];
    if (expected === undefined) {
      fail(1, k + 1, `the header has ${fields.length} fields; expected 4: ${HEADER}`);
    } else if (found === undefined) {
      fail(1, k + 1, `the header has no ${expected} column; expected ${HEADER}, found ${show(line)}`);
    } else if (found !== expected) {
      fail(1, k + 1, `the header's column ${k + 1} must be ${expected}, found ${show(found)} (expected ${HEADER})`);
    }
  }
}

function splitFields(line: string, lineNumber: number, fail: Fail): string[] {
  if (line.trim() === "") fail(lineNumber, 1, `empty line; expected 4 fields (${HEADER})`);
  const fields = line.split(",").map((field) => field.trim());
  if (fields.length < 4) {
    fail(lineNumber, fields.length + 1, `${FONT_CSV_COLUMNS[fields.length]} is missing: expected 4 fields, found ${fields.length}`);
  }
  if (fields.length > 4) {
    fail(lineNumber, 5, `expected 4 fields (${HEADER}), found ${fields.length}`);
  }
  return fields;
}

function colourValue(field: string, line: number, column: number, fail: Fail): number {
  const value = Number(field);
  if (!/^[0-9]+$/.test(field) || value > 255) {
    fail(line, column, `${FONT_CSV_COLUMNS[column - 1]} must be an integer from 0 to 255, found ${show(field)}`);
  }
  return value;
}

function labelValue(field: string, line: number, fail: Fail): FontLabel {
  if (field === "0") return 0;
  if (field === "1") return 1;
  return fail(line, 4, `LIGHT_OR_DARK_FONT_IND must be 0 or 1, found ${show(field)}`);
}

/** A field quoted for a message, cut short if it is long. */
function show(field: string): string {
  return JSON.stringify(field.length > 40 ? `${field.slice(0, 40)}…` : field);
}
