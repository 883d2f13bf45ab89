import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { generateFontData } from "../../src/data/index.ts";
import { createRng } from "../../src/random/rng.ts";

describe("generateFontData", () => {
  it("makes 1,345 samples by default, integers 0–255, inputs rgb/255, labels by the exact-decimal rule", () => {
    const data = generateFontData(createRng(7));
    expect(data.rgb).toHaveLength(1345);
    expect(data.inputs).toHaveLength(1345);
    expect(data.targets).toHaveLength(1345);
    data.rgb.forEach((colour, i) => {
      expect(colour).toHaveLength(3);
      for (const c of colour) expect(Number.isInteger(c) && c >= 0 && c <= 255, `colour ${colour}`).toBe(true);
      expect(data.inputs[i]).toEqual(colour.map((c) => c / 255));
      const [r, g, b] = colour.map((c) => new Decimal(c));
      const luma = r!.times("0.299").plus(g!.times("0.587")).plus(b!.times("0.114"));
      expect(data.targets[i], `colour ${colour}`).toEqual([luma.gt("127.5") ? 1 : 0]);
    });
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(generateFontData(createRng(3), 50)).toEqual(generateFontData(createRng(3), 50));
    expect(generateFontData(createRng(3), 50).rgb).not.toEqual(generateFontData(createRng(4), 50).rgb);
  });

  it("covers the colour range and both labels in roughly the real file's proportions", () => {
    const data = generateFontData(createRng(11), 6000);
    const all = data.rgb.flat();
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(255);
    // For uniform colours P(luma > 127.5) is 1/2 by symmetry (c → 255 − c), up to ties.
    const dark = data.targets.filter(([y]) => y === 1).length / 6000;
    expect(dark).toBeGreaterThan(0.46);
    expect(dark).toBeLessThan(0.54);
  });

  it("rejects a size that is not a positive integer", () => {
    expect(() => generateFontData(createRng(1), 0)).toThrow("size must be a positive integer, got 0");
    expect(() => generateFontData(createRng(1), 2.5)).toThrow("got 2.5");
  });
});
