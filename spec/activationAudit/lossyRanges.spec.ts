import { describe, expect, it } from "vitest";
import { describeRange, lossyRanges, MERGE_GAP, type PointError } from "../../src/activationAudit/index.ts";

const point = (x: number, ulps: number, actual = 1): PointError => ({ x, exact: 1, actual, ulps, absError: ulps, ulp: 1, allowed: 8 });

describe("lossyRanges", () => {
  it("reports maximal runs above the threshold as intervals, with their worst point", () => {
    const points = [point(-2, 0), point(-1, 9), point(0, 50), point(1, 10), ...Array.from({ length: MERGE_GAP + 1 }, (_, k) => point(2 + k, 1)), point(9, 20, 0)];
    expect(lossyRanges(points, 8).map((r) => [r.from, r.to, r.points, r.spanned, r.worstUlps, r.worstAt, r.allZero])).toEqual([
      [-1, 1, 3, 3, 50, 0, false],
      [9, 9, 1, 1, 20, 9, true],
    ]);
  });

  it(`bridges gaps of at most ${MERGE_GAP} good points`, () => {
    const points = [point(0, 9), ...Array.from({ length: MERGE_GAP }, (_, k) => point(1 + k, 0)), point(9, 9)];
    const [range] = lossyRanges(points, 8);
    expect([range!.from, range!.to, range!.points, range!.spanned]).toEqual([0, 9, 2, MERGE_GAP + 2]);
    expect(describeRange(range!)).toBe(`[0, 9] (2 of ${MERGE_GAP + 2} points: worst 9 ulps at 0)`);
  });

  it("counts non-finite points apart from the worst finite error", () => {
    const [range] = lossyRanges([point(-3, Infinity, Number.NaN), point(-2, 1e20, 0), point(-1, 1e19, 0)], 8);
    expect(describeRange(range!)).toBe("[-3, -1] (3 points: 1 not finite; worst finite 1.00e+20 ulps at -2, the finite ones all 0)");
  });
});
