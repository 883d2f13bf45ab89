/**
 * A problem with a font-data file, located at `file:line:column` (1-based; the column is the CSV field number,
 * so `data.csv:17:3` is line 17's BLUE). `line`/`column` are absent when the file itself cannot be read.
 */
export class FontDataError extends Error {
  override readonly name = "FontDataError";
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The problem alone, without the location prefix that `message` carries. */
  readonly problem: string;

  constructor(file: string, line: number | undefined, column: number | undefined, problem: string) {
    const where = line === undefined ? file : column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
    super(`${where}: ${problem}`);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }
}
