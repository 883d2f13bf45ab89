import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeNonFinite, encodeWire } from "../../src/protocol/wireJson.ts";

const seed = Number(process.env.NNCHECK_SEED ?? 20240611);

describe("encodeWire", () => {
  it("writes -0 as -0.0 and non-finite numbers as strings", () => {
    expect(encodeWire({ x: [-0, 0, Number.NaN, Infinity, -Infinity] })).toBe('{"x":[-0.0,0,"NaN","Infinity","-Infinity"]}');
  });

  it("writes every other number in the shortest round-trip form, as JSON.stringify does", () => {
    const xs = [0.1, 1 / 3, 5e-324, 1.7976931348623157e308, 1e21, -2.5e-7, 123456789012345680000];
    expect(encodeWire(xs)).toBe(JSON.stringify(xs));
  });

  it("escapes strings and leaves out undefined members, as JSON.stringify does", () => {
    const value = { s: 'a "quoted"\nline\u2028', n: null, t: true, u: undefined, nested: [{}] };
    expect(encodeWire(value)).toBe(JSON.stringify(value));
  });

  it(`round-trips every double through JSON.parse and decodeNonFinite, -0 and NaN included (seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (xs) => {
        const back = decodeNonFinite(JSON.parse(encodeWire({ xs }))) as { xs: number[] };
        expect(back.xs).toHaveLength(xs.length);
        xs.forEach((x, i) => expect(Object.is(back.xs[i], x)).toBe(true));
      }),
      { seed, numRuns: 200 },
    );
  });
});

describe("decodeNonFinite", () => {
  it("turns the three strings back into numbers anywhere in a result, and leaves other strings alone", () => {
    const decoded = decodeNonFinite({ a: ["NaN", "Infinity", 1], b: { c: "-Infinity", d: "nan", e: "toString" } });
    expect(decoded).toEqual({ a: [Number.NaN, Infinity, 1], b: { c: -Infinity, d: "nan", e: "toString" } });
  });

  it("returns the same object when there is nothing to decode", () => {
    const value = { a: [[1, 2]], b: { c: 3 } };
    expect(decodeNonFinite(value)).toBe(value);
  });
});
