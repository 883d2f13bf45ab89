import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { darkFontLabel } from "../../src/data/index.ts";
import { createRng } from "../../src/random/rng.ts";

/** The rule in exact decimals, as SOURCE.md states it: 0.299·R + 0.587·G + 0.114·B > 127.5. */
function luma(r: number, g: number, b: number): Decimal {
  return new Decimal("0.299").times(r).plus(new Decimal("0.587").times(g)).plus(new Decimal("0.114").times(b));
}

describe("darkFontLabel", () => {
  it("labels black light-font (0) and white dark-font (1)", () => {
    expect(darkFontLabel(0, 0, 0)).toBe(0);
    expect(darkFontLabel(255, 255, 255)).toBe(1);
  });

  it("gives 0 on exact ties, where the float formula 0.299R + 0.587G + 0.114B says 127.50000000000001", () => {
    expect(luma(218, 58, 248).equals(127.5)).toBe(true);
    expect(0.299 * 218 + 0.587 * 58 + 0.114 * 248 > 127.5).toBe(true); // why integers are needed
    expect(darkFontLabel(218, 58, 248)).toBe(0);
    expect(darkFontLabel(0, 204, 68)).toBe(0);
    expect(darkFontLabel(0, 204, 69)).toBe(1);
  });

  it("agrees with exact decimals on every tie (found by solving for B in decimals)", () => {
    let ties = 0;
    for (let r = 0; r < 256; r++) {
      for (let g = 0; g < 256; g++) {
        const b = new Decimal("127.5").minus(luma(r, g, 0)).dividedBy("0.114");
        if (!b.isInteger() || b.lt(0) || b.gt(255)) continue;
        ties++;
        expect(darkFontLabel(r, g, b.toNumber()), `tie ${r},${g},${b}`).toBe(0);
        if (b.lt(255)) expect(darkFontLabel(r, g, b.toNumber() + 1), `above tie ${r},${g},${b}+1`).toBe(1);
        if (b.gt(0)) expect(darkFontLabel(r, g, b.toNumber() - 1), `below tie ${r},${g},${b}-1`).toBe(0);
      }
    }
    expect(ties).toBe(114);
  });

  it("agrees with exact decimals on random colours", () => {
    const seed = Number(process.env["NNCHECK_SEED"] ?? 20240601);
    const rng = createRng(seed);
    for (let k = 0; k < 5000; k++) {
      const [r, g, b] = [rng.int(256), rng.int(256), rng.int(256)];
      const expected = luma(r, g, b).gt("127.5") ? 1 : 0;
      expect(darkFontLabel(r, g, b), `colour ${r},${g},${b} (seed ${seed}, draw ${k})`).toBe(expected);
    }
  });
});
