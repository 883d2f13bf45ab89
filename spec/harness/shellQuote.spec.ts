import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellCommand, shellQuote } from "../../src/harness/index.ts";
import { splitCommandLine } from "../../src/protocol/index.ts";

const WORDS = ["python3", "examples/python/adapter.py", "my model.py", "it's", 'say "hi"', "$HOME", "a\\b", "back`tick`", "wow!", "", "--seed=7", "tab\there"];

describe("shellQuote", () => {
  it("leaves safe words bare and prefers double quotes", () => {
    expect(shellCommand(["npx", "nncheck", "run", "--impl", "python3 examples/python/adapter.py", "--seed", "7"]))
      .toBe('npx nncheck run --impl "python3 examples/python/adapter.py" --seed 7');
    expect(shellQuote("it's")).toBe(`"it's"`);
    expect(shellQuote("$HOME")).toBe(`'$HOME'`);
  });
  it("round-trips through nncheck's command-line splitter", () => {
    expect(splitCommandLine(shellCommand(WORDS))).toEqual(WORDS);
  });
  it("round-trips through a real POSIX shell", () => {
    const printed = execFileSync("sh", ["-c", `printf '%s\\0' ${shellCommand(WORDS)}`], { encoding: "utf8" });
    expect(printed.split("\0").slice(0, -1)).toEqual(WORDS);
  });
});
