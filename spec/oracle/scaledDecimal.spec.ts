import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildDecimalsByParsing, decimalFromScaled, digitCount, roundedFromScaled } from "../../src/oracle/scaledDecimal.ts";
import { exactDot } from "../../src/oracle/exactDot.ts";
import { createOracle, decimalConstructor, exactDecimal } from "../../src/oracle/index.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createRng, type Rng } from "../../src/random/rng.ts";

const SEED = Number(process.env["NNCHECK_SEED"] ?? 20261203);

/** A Decimal's internals (sign, exponent, digit words): equal internals are the same Decimal bit for bit. */
const internals = (x: Decimal) => {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
};

/** Built the old way: decimal.js parsing the digits (and a fresh constructor, so no cached value is shared). */
function parsed<T>(run: () => T): T {
  const before = buildDecimalsByParsing(true);
  try {
    return run();
  } finally {
    buildDecimalsByParsing(before);
  }
}

/** A random float64 from its bits, or one of the awkward ones: ±0, subnormals, the extremes, powers of two, plain values. */
function awkwardFloat(rng: Rng): number {
  const view = new DataView(new ArrayBuffer(8));
  switch (rng.int(8)) {
    case 0: return rng.next() < 0.5 ? 0 : -0;
    case 1: view.setUint32(0, (rng.next() < 0.5 ? 0x80000000 : 0) | rng.int(0x100000)); view.setUint32(4, rng.int(2 ** 32)); return view.getFloat64(0); // subnormal
    case 2: return (rng.next() < 0.5 ? -1 : 1) * [Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1022, 1e308, 1e-300][rng.int(5)]!;
    case 3: return 2 ** (rng.int(200) - 100);
    case 4: return rng.uniform(-1.5, 1.5);
    default: {
      view.setUint32(0, rng.int(2 ** 32)); view.setUint32(4, rng.int(2 ** 32));
      const x = view.getFloat64(0);
      return Number.isFinite(x) ? x : 1;
    }
  }
}

describe(`the oracle's direct Decimal construction equals decimal.js parsing, bit for bit (seed ${SEED})`, () => {
  const D = decimalConstructor(50);

  it("builds c·10^q with decimal.js's own internals (signs, trailing zeros, every word alignment)", () => {
    const rng = createRng(SEED);
    for (let k = 0; k < 400; k++) {
      const digits = Array.from({ length: 1 + rng.int(k < 200 ? 20 : 800) }, () => rng.int(10)).join("") + "0".repeat(rng.int(3) === 0 ? rng.int(12) : 0);
      const c = BigInt(digits) * (rng.next() < 0.5 ? -1n : 1n);
      const q = rng.int(1500) - 1100;
      if (c === 0n) continue;
      expect(internals(decimalFromScaled(D, c, q)), `${c}e${q}`).toEqual(internals(new D(`${c}e${q}`)));
    }
    expect(internals(decimalFromScaled(D, 0n, 5, true))).toEqual(internals(new D("-0")));
  });

  it("rounds c·10^q to the precision half to even as toSignificantDigits does (ties and carries included)", () => {
    const rng = createRng(SEED + 1);
    const cases: [bigint, number][] = [[5n, 0], [25n, -1], [15n, -1], [995n, 0], [-45n, 3], [10n ** 60n - 1n, -70], [10n ** 55n * 5n, 2]];
    for (let k = 0; k < 300; k++) cases.push([BigInt(Array.from({ length: 45 + rng.int(80) }, () => rng.int(10)).join("") + (rng.next() < 0.3 ? "5" + "0".repeat(rng.int(20)) : "")) * (rng.next() < 0.5 ? -1n : 1n), rng.int(400) - 300]);
    for (const [c, q] of cases) {
      if (c === 0n) continue;
      for (const precision of [1, 2, 50]) {
        const expected = new (Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN }))(`${c}e${q}`).toSignificantDigits(precision);
        expect(internals(roundedFromScaled(D, c, q, precision)), `${c}e${q} to ${precision}`).toEqual(internals(expected));
      }
    }
  });

  it("converts floats exactly as before: subnormals, extremes, ±0 and random bit patterns", () => {
    const rng = createRng(SEED + 2);
    const Dold = decimalConstructor(50), Dnew = decimalConstructor(50);
    for (let k = 0; k < 2000; k++) {
      const x = awkwardFloat(rng);
      const old = parsed(() => exactDecimal(Dold, x)), now = exactDecimal(Dnew, x);
      expect(internals(now), String(x)).toEqual(internals(old));
    }
  });

  it("takes dot products to the same decimals as decimal.js's exact arithmetic (huge, tiny, subnormal, cancelling terms)", () => {
    const rng = createRng(SEED + 3);
    const Exact = Decimal.clone({ precision: 9000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
    for (let k = 0; k < 300; k++) {
      const n = 1 + rng.int(12);
      const u = Array.from({ length: n }, () => awkwardFloat(rng)), v = Array.from({ length: n }, () => awkwardFloat(rng));
      if (k % 3 === 0 && n >= 2) (u[1] = -u[0]!, v[1] = Number.isFinite(v[0]! * 2) ? v[0]! * (1 + 2 ** -40) : v[0]!); // two terms cancel to ~12 digits (or wholly)
      const exact = u.reduce((s, x, i) => s.plus(new Exact(exactDecimal(D, x)).times(new Exact(exactDecimal(D, v[i]!)))), new Exact(0));
      const got = exactDot(D, u.map((x) => exactDecimal(D, x)), v.map((x) => exactDecimal(D, x)));
      expect(got.eq(exact.toSignificantDigits(50)), `Σ ${u} · ${v}`).toBe(true);
    }
  });

  it("counts digits from a guess as writing the number out does, the guess near or far off", () => {
    const rng = createRng(SEED + 6);
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + rng.int(150) }, (_, i) => (i === 0 ? 1 + rng.int(9) : rng.int(10))).join("");
      const m = BigInt(text) * (rng.next() < 0.5 ? -1n : 1n);
      for (const guess of [text.length, text.length + rng.int(5) - 2, text.length + rng.int(200) - 100]) expect(digitCount(m, guess), `${m} from ${guess}`).toBe(text.length);
    }
  });

  it("rounds a short sum beside cut tiny terms correctly: kept when the cut part cannot reach its rounding, re-summed when it can", () => {
    const rng = createRng(SEED + 5);
    const Exact = Decimal.clone({ precision: 9000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
    let reachable = 0;
    for (const precision of [20, 50]) {
      const P = decimalConstructor(precision);
      for (let k = 0; k < 400; k++) {
        // a number of at most P digits (a power of ten, one digit, or up to P of them), its first digit at 10^e
        const e = rng.int(40) - 20;
        const digits = k % 4 === 0 ? "1" : Array.from({ length: 1 + rng.int(precision) }, (_, i) => (i === 0 ? 1 + rng.int(9) : rng.int(10))).join("");
        const main = new P(`${rng.next() < 0.5 ? "-" : ""}${digits}e${e - digits.length + 1}`);
        // a pair B − B cancelling G digits above it, which puts the cut (GUARD + P digits below B) within reach of
        // main's P-th digit when G nears the guard; then tiny terms of either sign just below the cut
        const G = rng.int(70);
        const big = new P(`${1 + rng.int(9)}e${e + G}`);
        const floor = e + G - precision - 40;
        const tiny = Array.from({ length: 1 + rng.int(4) }, () => new P(`${rng.next() < 0.5 ? "-" : ""}${1 + rng.int(999)}e${floor - 4 - rng.int(6)}`));
        const terms = [big, main, big.neg(), ...tiny], ones = terms.map(() => new P(1));
        const exact = terms.reduce((acc, x) => acc.plus(new Exact(x)), new Exact(0)).toSignificantDigits(precision);
        const keptOnly = new Exact(main).toSignificantDigits(precision);
        if (!keptOnly.eq(exact)) reachable++;
        expect(internals(exactDot(P, terms, ones)), `Σ ${terms.join(" + ")} to ${precision}`).toEqual(internals(exact));
      }
    }
    expect(reachable, "cases where the cut terms change the rounded sum").toBeGreaterThan(50);
  });

  it("gives the same oracle gradients, bit for bit, whichever way Decimals are built", () => {
    const rng = createRng(SEED + 4);
    const networks: NetworkSpec[] = [
      { layers: [3, 4, 2], activations: ["relu", "softmax"], cost: "cross_entropy" },
      { layers: [2, 3, 1], activations: ["tanh", "logistic"], cost: "squared_error" },
    ];
    for (const network of networks) {
      const params = network.layers.slice(1).map((m, l) => ({
        W: Array.from({ length: m }, () => Array.from({ length: network.layers[l]! }, () => (rng.next() < 0.2 ? awkwardFloat(rng) * 0 + [0, -0, 2 ** -1074, 1e-300][rng.int(4)]! : rng.uniform(-1.5, 1.5)))),
        b: Array.from({ length: m }, () => rng.uniform(-1, 1)),
      }));
      const inputs = [Array.from({ length: network.layers[0]! }, () => rng.uniform(0, 1))];
      const targets = [network.cost === "cross_entropy" ? [1, 0] : [0.3]];
      const old = parsed(() => createOracle().gradients(network, params, inputs, targets)), now = createOracle().gradients(network, params, inputs, targets);
      const all = (g: typeof now) => [g.cost, ...g.grads.flatMap(({ W, b }) => [...W.flat(), ...b]), ...g.layers.flatMap((l) => [...l.z.flat(), ...l.a.flat()])].map(internals);
      expect(all(now)).toEqual(all(old));
    }
  });
});
