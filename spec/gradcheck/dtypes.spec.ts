import { describe, expect, it } from "vitest";
import { DTYPES, DTYPE_NAMES } from "../../src/gradcheck/dtypes.ts";
import { createRng } from "../../src/random/rng.ts";

/** A float16 bit pattern decoded by the IEEE 754 binary16 definition, independently of the code under test. */
function decodeFloat16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  return sign * (1024 + fraction) * 2 ** (exponent - 25);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** A float32 value rounded to bfloat16 by bit manipulation: keep the top 16 bits, round to nearest, ties to even. */
function bfloat16ByBits(x: number): number {
  f32[0] = x;
  const bits = u32[0]!;
  u32[0] = (((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) << 16) >>> 0;
  return f32[0]!;
}

/** The bfloat16 value of a bit pattern (the top 16 bits of a float32). */
function decodeBfloat16(bits: number): number {
  u32[0] = (bits << 16) >>> 0;
  return f32[0]!;
}

/** The finite non-negative values of a 16-bit format in ascending order, with their bit patterns. */
function ascending(decode: (bits: number) => number): { value: number; bits: number }[] {
  const out: { value: number; bits: number }[] = [];
  for (let bits = 0; bits < 0x8000; bits++) {
    const value = decode(bits);
    if (Number.isFinite(value)) out.push({ value, bits });
  }
  return out.sort((a, b) => a.value - b.value);
}

/** Checks a rounding against every value of its format, the midpoints (ties to the even pattern) and their neighbours. */
function expectRoundsLike(round: (x: number) => number, values: { value: number; bits: number }[], max: number, nudge: (m: number) => number): number {
  let checked = 0;
  const bad: string[] = [];
  const expectEq = (x: number, want: number) => {
    checked++;
    if (!Object.is(round(x), want) && bad.length < 5) bad.push(`round(${x}) = ${round(x)}, want ${want}`);
    if (!Object.is(round(-x), -want) && bad.length < 5) bad.push(`round(${-x}) = ${round(-x)}, want ${-want}`);
  };
  values.forEach(({ value, bits }, i) => {
    expectEq(value, value);
    const next = values[i + 1];
    if (next === undefined) return;
    const mid = (value + next.value) / 2; // exact in float64: one bit more than the format
    expectEq(mid, bits % 2 === 0 ? value : next.value);
    expectEq(mid - nudge(mid), value);
    expectEq(mid + nudge(mid), next.value);
  });
  const step = max - values.at(-2)!.value;
  expectEq(max + step / 2 - nudge(max), max); // just below the overflow midpoint: the largest finite value
  expectEq(max + step / 2, Infinity); // the midpoint ties away from max's odd significand: overflow
  expect(bad).toEqual([]);
  return checked;
}

describe("the dtype table", () => {
  it("states each format's unit roundoff, largest finite value, smallest normal and subnormal", () => {
    const table = DTYPE_NAMES.map((d) => [d, DTYPES[d].u, DTYPES[d].max, DTYPES[d].minNormal, DTYPES[d].minSubnormal]);
    expect(table).toEqual([
      ["float64", 2 ** -53, Number.MAX_VALUE, 2 ** -1022, Number.MIN_VALUE],
      ["float32", 2 ** -24, 3.4028234663852886e38, 2 ** -126, 2 ** -149],
      ["float16", 2 ** -11, 65504, 2 ** -14, 2 ** -24],
      ["bfloat16", 2 ** -8, decodeBfloat16(0x7f7f), 2 ** -126, 2 ** -133],
    ]);
  });

  it("float16 rounds to nearest, ties to even, on all 63,488 finite values, every midpoint and its neighbours", () => {
    const values = ascending(decodeFloat16);
    expect(values).toHaveLength(31744);
    // a relative nudge of 2^-40 is far below the format's spacing and far above float64's
    const checked = expectRoundsLike(DTYPES.float16.round, values, 65504, (m) => Math.max(m * 2 ** -40, 2 ** -60));
    expect(checked).toBeGreaterThan(4 * 31000);
    expect(DTYPES.float16.round(2 ** -25)).toBe(0); // half the smallest subnormal ties to 0
    expect(DTYPES.float16.round(2 ** -25 * (1 + 2 ** -30))).toBe(2 ** -24);
    expect(Object.is(DTYPES.float16.round(-1e-30), -0)).toBe(true);
    expect(DTYPES.float16.round(1e6)).toBe(Infinity);
    expect(DTYPES.float16.round(NaN)).toBeNaN();
  });

  it("bfloat16 rounds like bit manipulation of float32 on its values, midpoints and their float32 neighbours, and without double rounding", () => {
    const values = ascending(decodeBfloat16);
    expect(values).toHaveLength(32640);
    const round = DTYPES.bfloat16.round;
    const float32Neighbour = (m: number) => Math.max(Math.abs(Math.fround(m * (1 + 2 ** -23)) - m), 2 ** -149);
    expectRoundsLike(round, values, DTYPES.bfloat16.max, float32Neighbour);
    const rng = createRng(7);
    const bad: string[] = [];
    for (let k = 0; k < 20000; k++) {
      u32[0] = (rng.next() * 2 ** 32) >>> 0;
      const x = f32[0]!;
      if (!Number.isFinite(x)) continue;
      const want = bfloat16ByBits(x);
      if (!Object.is(round(x), want) && bad.length < 5) bad.push(`round(${x}) = ${round(x)}, bits say ${want}`);
    }
    expect(bad).toEqual([]);
    // a float64 just above a bfloat16 midpoint that float32 would round down onto the midpoint (then to even)
    const tie = 1 + 2 ** -8; // between 1 and 1 + 2^-7; ties to 1 (even)
    expect(round(tie)).toBe(1);
    expect(Math.fround(tie + 2 ** -40)).toBe(tie);
    expect(round(tie + 2 ** -40)).toBe(1 + 2 ** -7);
  });

  it("float32 is Math.fround and float64 the identity", () => {
    for (const x of [0.1, 1 / 3, 1e-40, 3.5e38]) {
      expect(DTYPES.float32.round(x)).toBe(Math.fround(x));
      expect(DTYPES.float64.round(x)).toBe(x);
    }
  });
});
