import { describe, expect, it } from "vitest";
import { generateFontData, splitFontData } from "../../src/data/index.ts";
import { createRng } from "../../src/random/rng.ts";

const key = (colour: readonly number[], label: readonly number[]): string => `${colour}|${label}`;

describe("splitFontData", () => {
  const data = generateFontData(createRng(5));

  it("splits 1,345 samples into 896 train and 449 test, like train_test_split(test_size=1/3)", () => {
    const { train, test } = splitFontData(data, createRng(1));
    expect(train.rgb).toHaveLength(896);
    expect(test.rgb).toHaveLength(449);
    expect(train.inputs).toHaveLength(896);
    expect(test.targets).toHaveLength(449);
  });

  it("is a permutation of the samples that keeps rows together", () => {
    const { train, test } = splitFontData(data, createRng(2));
    const rows = (d: typeof data): string[] => d.rgb.map((c, i) => key(c, d.targets[i]!));
    expect([...rows(train), ...rows(test)].sort()).toEqual(rows(data).sort());
    for (const part of [train, test]) part.rgb.forEach((c, i) => expect(part.inputs[i]).toEqual(c.map((v) => v / 255)));
  });

  it("is deterministic per seed, differs between seeds, and shuffles", () => {
    expect(splitFontData(data, createRng(9))).toEqual(splitFontData(data, createRng(9)));
    expect(splitFontData(data, createRng(9)).test.rgb).not.toEqual(splitFontData(data, createRng(10)).test.rgb);
    expect(splitFontData(data, createRng(9)).test.rgb).not.toEqual(data.rgb.slice(0, 449));
  });

  it("takes other test fractions and rejects impossible ones", () => {
    expect(splitFontData(data, createRng(1), 0.5).test.rgb).toHaveLength(673);
    expect(() => splitFontData(data, createRng(1), 0)).toThrow("testFraction must be in (0, 1), got 0");
    expect(() => splitFontData(data, createRng(1), 1)).toThrow("got 1");
    const one = generateFontData(createRng(1), 1);
    expect(() => splitFontData(one, createRng(1))).toThrow("1 samples leave no training sample");
  });
});
