import { describe, expect, it } from "vitest";
import { createOracle, decimalToNumber } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const { D } = createOracle({ precision: 60 });
const seed = Number(process.env["SEED"] ?? 17);

/** The exact midpoint between x and the next float64 up, as a Decimal (x > 0 finite). */
function midpointAbove(x: number): InstanceType<typeof D> {
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, x);
  buffer.setBigUint64(0, buffer.getBigUint64(0) + 1n);
  return new D(x).plus(new D(buffer.getFloat64(0))).dividedBy(2);
}

describe("decimalToNumber", () => {
  it(`rounds like decimal.js's toNumber: random 60-digit decimals of every magnitude, subnormals and overflow (seed ${seed})`, () => {
    const rng = createRng(seed);
    for (let k = 0; k < 20_000; k++) {
      const digits = Array.from({ length: 60 }, () => rng.int(10)).join("").replace(/^0+/, "") || "0";
      const exponent = rng.int(700) - 350 - (k % 7 === 0 ? 0 : rng.int(5));
      const x = new D(`${rng.int(2) === 0 ? "-" : ""}0.${digits}e${exponent}`);
      expect(decimalToNumber(x), `${x.toString()} (seed ${seed}, case ${k})`).toBe(x.toNumber());
    }
  });

  it("decides ties exactly: a float64's midpoints, and a hair above and below each, round as the whole string says", () => {
    const rng = createRng(seed + 1);
    const hair = new D("1e-45");
    for (let k = 0; k < 2000; k++) {
      const x = Math.abs(rng.uniform(-1, 1)) * 2 ** (rng.int(200) - 100) || 1;
      const mid = midpointAbove(x);
      for (const y of [mid, mid.times(new D(1).plus(hair)), mid.times(new D(1).minus(hair)), mid.negated()]) {
        expect(decimalToNumber(y), y.toString()).toBe(y.toNumber());
      }
    }
  });

  it("keeps −0, ±Infinity and NaN", () => {
    for (const v of [new D(-0), new D(0), new D(Infinity), new D(-Infinity), new D(NaN), new D("1e400"), new D("-1e-400")]) {
      expect(Object.is(decimalToNumber(v), v.toNumber()), v.toString()).toBe(true);
    }
  });
});
