import { describe, expect, it } from "vitest";
import { spawnImplementation } from "../../src/protocol/index.ts";
import { splitCommandLine } from "../../src/protocol/splitCommandLine.ts";
import { FAKE } from "./helpers.ts";

describe("splitCommandLine", () => {
  it.each([
    ["python3 adapter.py", ["python3", "adapter.py"]],
    ["  python3\t-u   adapter.py  ", ["python3", "-u", "adapter.py"]],
    [`sh -c "cd dir && exec python3 a.py"`, ["sh", "-c", "cd dir && exec python3 a.py"]],
    [`prog 'single $HOME "x"' "double \\"q\\" \\\\ \\$HOME \\n"`, ["prog", 'single $HOME "x"', 'double "q" \\ $HOME \\n']],
    [`prog with\\ space \\'quote ''`, ["prog", "with space", "'quote", ""]],
    [`prog a"b c"'d e'f`, ["prog", "ab cd ef"]],
    ["prog $HOME ~ *.py", ["prog", "$HOME", "~", "*.py"]],
  ])("%s", (line, argv) => {
    expect(splitCommandLine(line)).toEqual(argv);
  });

  it.each([
    ["prog 'open", "unterminated single quote at position 5"],
    ['prog "open', "unterminated double quote at position 5"],
    ["prog \\", "it ends with a lone backslash"],
    ["   ", "it names no program"],
  ])("rejects %j: %s", (line, why) => {
    expect(() => splitCommandLine(line)).toThrow(`cannot split command line ${JSON.stringify(line)}: ${why}`);
  });

  it("is what the spawned program receives: spaces kept inside quotes, $HOME passed literally, no shell", async () => {
    const client = await spawnImplementation(`node ${FAKE} argv "an argument with spaces" '$HOME' $HOME back\\ slash "" ';' 'exit 1'`);
    try {
      expect(JSON.parse(client.helloResult.name)).toEqual(["an argument with spaces", "$HOME", "$HOME", "back slash", "", ";", "exit 1"]);
    } finally {
      await client.close();
    }
  });
});
