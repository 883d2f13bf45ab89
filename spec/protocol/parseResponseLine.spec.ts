import { describe, expect, it } from "vitest";
import { ImplementationError } from "../../src/implementation.ts";
import { parseResponseLine } from "../../src/protocol/parseResponseLine.ts";

describe("parseResponseLine", () => {
  it("reads results, error responses and blank lines", () => {
    expect(parseResponseLine('{"id": 3, "result": {"cost": "NaN"}}', 1000)).toEqual({ kind: "response", id: 3, outcome: { result: { cost: "NaN" } } });
    expect(parseResponseLine('{"id": 4, "error": {"code": "unsupported", "message": "no tanh"}}', 1000))
      .toEqual({ kind: "response", id: 4, outcome: { error: new ImplementationError("unsupported", "no tanh") } });
    expect(parseResponseLine(" \r", 1000)).toEqual({ kind: "blank" });
  });

  it("calls a response malformed when it has no result and no well-formed error", () => {
    for (const line of ['{"id": 5}', '{"id": 5, "result": 1, "error": {"code": "internal", "message": "x"}}', '{"id": 5, "error": {"code": "crashed", "message": "x"}}']) {
      const parsed = parseResponseLine(line, 1000);
      expect(parsed).toMatchObject({ kind: "response", id: 5 });
      expect(parsed.kind === "response" && "problem" in parsed.outcome && parsed.outcome.problem).toBe(
        `response ${JSON.stringify(line)} has neither a "result" nor an "error" {code: unsupported | invalid_params | internal, message: string}`);
    }
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
});
