/** An implementation answered with a result of the wrong shape (missing keys, wrong lengths, non-numbers). */
export class MalformedAnswerError extends Error {
  readonly method: string;
  /** Every shape problem found, e.g. `layers[0].z[1] has 2 entries, expected 3 (units of layer 1)`. */
  readonly problems: readonly string[];
  constructor(method: string, problems: readonly string[]) {
    const more = problems.length > 1 ? ` (+${problems.length - 1} more shape problems)` : "";
    super(`${method} answered a malformed result: ${problems[0] ?? "unknown problem"}${more}`);
    this.name = "MalformedAnswerError";
    this.method = method;
    this.problems = problems;
  }
}
