import { readFileSync } from "node:fs";
import type { FontData } from "./fontData.ts";
import { FontDataError } from "./FontDataError.ts";
import { parseFontCsv } from "./parseFontCsv.ts";

/**
 * Reads and parses a CSV in the seed's format (see `parseFontCsv`); an unreadable file or a file that is not
 * UTF-8 text throws a `FontDataError` naming `path`.
 */
export function loadFontCsv(path: string): FontData {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : error instanceof Error ? error.message : String(error);
    throw new FontDataError(path, undefined, undefined, `cannot read the data file: ${reason}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FontDataError(path, undefined, undefined, "cannot read the data file: it is not UTF-8 text");
  }
  return parseFontCsv(text, path);
}
