import { describe, expect, it } from "vitest";
import { ImplementationError } from "../../src/implementation.ts";
import { MAX_NESTING, nestingDepth, parseResponseLine } from "../../src/protocol/parseResponseLine.ts";

const problemOf = (line: string): string | false => {
  const parsed = parseResponseLine(line, 1 << 20);
  return parsed.kind === "response" && "problem" in parsed.outcome && parsed.outcome.problem;
};

describe("parseResponseLine", () => {
  it("reads results, error responses and blank lines", () => {
    expect(parseResponseLine('{"id": 3, "result": {"cost": "NaN"}}', 1000)).toEqual({ kind: "response", id: 3, outcome: { result: { cost: "NaN" } } });
    expect(parseResponseLine('{"id": 4, "error": {"code": "unsupported", "message": "no tanh"}}', 1000))
      .toEqual({ kind: "response", id: 4, outcome: { error: new ImplementationError("unsupported", "no tanh") } });
    expect(parseResponseLine(" \r", 1000)).toEqual({ kind: "blank" });
  });

  it("ignores unknown top-level keys (protocol v1 gives them no meaning; the response schema allows them)", () => {
    expect(parseResponseLine('{"id": 3, "result": {}, "elapsedMs": 2.5, "jsonrpc": "2.0"}', 1000)).toEqual({ kind: "response", id: 3, outcome: { result: {} } });
  });

  it("names what is wrong with an envelope: neither, both, or a malformed error", () => {
    expect(problemOf('{"id": 5}')).toBe(`response "{\\"id\\": 5}" has neither a "result" nor an "error" {code: unsupported | invalid_params | internal, message: string}`);
    const both = '{"id": 5, "result": 1, "error": {"code": "internal", "message": "x"}}';
    expect(problemOf(both)).toBe(`response ${JSON.stringify(both)} has both a "result" and an "error"; expected exactly one of them`);
    const crashed = '{"id": 5, "error": {"code": "crashed", "message": "x"}}';
    expect(problemOf(crashed)).toBe(`response ${JSON.stringify(crashed)} has a malformed "error"; expected a "result" or an "error" {code: unsupported | invalid_params | internal, message: string}`);
  });

  it("calls garbage what is not a JSON object, quoting at most 80 characters", () => {
    const long = "Traceback: " + "x".repeat(100);
    expect(parseResponseLine(long, 1000)).toEqual({
      kind: "garbage",
      problem: `stdout line is not JSON: ${JSON.stringify(long.slice(0, 80))}… (111 characters) (stdout is reserved for responses; write diagnostics to stderr)`,
    });
    expect(parseResponseLine("[1, 2]", 1000)).toEqual({ kind: "garbage", problem: 'stdout line is not a JSON object: "[1, 2]"' });
    expect(parseResponseLine("x".repeat(11), 10)).toEqual({ kind: "garbage", problem: `stdout line longer than 10 characters, starting "${"x".repeat(11)}"…` });
  });

  it("names a byte order mark, showing it in the quote, where the line would otherwise look like valid JSON", () => {
    expect(parseResponseLine('\uFEFF{"id": 1, "result": {}}', 1000)).toEqual({
      kind: "garbage",
      problem: 'stdout line starts with a UTF-8 byte order mark (U+FEFF), which JSON does not allow: "\\ufeff{\\"id\\": 1, \\"result\\": {}}" (write UTF-8 without a BOM: in Python, encoding "utf-8", not "utf-8-sig")',
    });
  });

  it("refuses nesting deeper than MAX_NESTING before parsing, so nothing later can overflow the stack", () => {
    const deep = (n: number) => `{"id": 1, "result": {"x": ${"[".repeat(n)}${"]".repeat(n)}}}`;
    expect(parseResponseLine(deep(MAX_NESTING - 2), 1 << 20).kind).toBe("response"); // MAX_NESTING levels in all
    const tooDeep = parseResponseLine(deep(MAX_NESTING - 1), 1 << 20);
    expect(tooDeep).toMatchObject({ kind: "garbage", problem: expect.stringMatching(/^stdout line nests arrays or objects more than 64 deep/) });
    expect(parseResponseLine(deep(100_000), 1 << 20).kind).toBe("garbage");
  });
});

describe("nestingDepth", () => {
  it("counts brackets outside strings only, escapes included", () => {
    expect(nestingDepth('{"a": [[1], {"b": []}]}', 10)).toBe(4);
    expect(nestingDepth('{"a": "[[[[\\"[[[", "b": 1}', 10)).toBe(1);
    expect(nestingDepth("1", 10)).toBe(0);
    expect(nestingDepth("[".repeat(50), 10)).toBe(11); // stops counting past the limit
  });
});
