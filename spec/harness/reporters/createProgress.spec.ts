import { describe, expect, it } from "vitest";
import { createProgress } from "../../../src/harness/reporters/index.ts";

function fakeStream() {
  const writes: string[] = [];
  return { writes, stream: { columns: 60, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream };
}

describe("createProgress", () => {
  it("prints nothing for a short run", () => {
    const { writes, stream } = fakeStream();
    let now = 0;
    const progress = createProgress(stream, 1000, () => now);
    now = 500;
    progress.update(5, 5, "a/b");
    progress.finish();
    expect(writes).toEqual([]);
  });
  it("draws a bar once the run is long, throttled, and erases it at the end", () => {
    const { writes, stream } = fakeStream();
    let now = 0;
    const progress = createProgress(stream, 1000, () => now);
    now = 1200;
    progress.update(3, 12, "oracle/gradients/3-3-1");
    now = 1250;
    progress.update(4, 12, "oracle/gradients/2-5-1"); // within 100 ms: not redrawn
    now = 1400;
    progress.update(12, 12, "oracle/train/3-4-3-1");
    progress.finish();
    expect(writes).toEqual([
      `\r\x1b[2K[${"#".repeat(8)}${".".repeat(22)}] 3/12 oracle/gradients/3-3-`, // cut to the terminal's 60 columns, less one
      `\r\x1b[2K[${"#".repeat(30)}] 12/12 oracle/train/3-4-3-1`,
      "\r\x1b[2K",
    ]);
  });
});
