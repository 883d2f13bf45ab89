import { describe, expect, it } from "vitest";
import { TailBuffer } from "../../src/protocol/TailBuffer.ts";

describe("TailBuffer", () => {
  it("keeps the last `limit` characters and counts the dropped ones", () => {
    const buffer = new TailBuffer(10);
    for (const chunk of ["abc", "defgh", "ijklmnop", "", "qr"]) buffer.append(chunk);
    expect(buffer.text).toBe("ijklmnopqr");
    expect(buffer.totalChars).toBe(18);
    expect(buffer.droppedChars).toBe(8);
  });

  it("keeps the end of a single chunk longer than the limit", () => {
    const buffer = new TailBuffer(4);
    buffer.append("0123456789");
    expect(buffer.text).toBe("6789");
    expect(buffer.droppedChars).toBe(6);
  });

  it("tail(n, since) gives at most n characters written after the mark, and only those still kept", () => {
    const buffer = new TailBuffer(8);
    buffer.append("old.");
    const mark = buffer.totalChars;
    buffer.append("new");
    expect(buffer.tail(100, mark)).toBe("new");
    expect(buffer.tail(2, mark)).toBe("ew");
    buffer.append("-more-text");
    expect(buffer.tail(100, mark)).toBe("ore-text");
  });

  it("rejects a limit that is not a positive integer", () => {
    expect(() => new TailBuffer(0)).toThrow("TailBuffer: limit must be a positive integer, got 0");
  });
});
