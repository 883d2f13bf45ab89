import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { seedNetwork, type NetworkSpec } from "../../src/network/types.ts";
import { createOracle, decimalConstructor, exactDecimal, toDecimalString, type ParamsLike } from "../../src/oracle/index.ts";
import { decimalExp, decimalLog1p } from "../../src/oracle/elementary.ts";
import { STATED_INPUT, STATED_PARAMS } from "../../src/fixtures/workedExampleSource.ts";
import { createRng } from "../../src/random/rng.ts";

// The chapter's stated weights and input X (Example 7-4, Figure 7-10), as printed.
const workedParams: ParamsLike = STATED_PARAMS;
const workedX = [STATED_INPUT];

/** Agreement to `digits` significant digits, relative to the larger magnitude. */
function agree(a: Decimal, b: Decimal.Value, digits: number): boolean {
  const scale = Decimal.max(a.abs(), new Decimal(b).abs());
  return scale.isZero() || a.minus(b).abs().lte(scale.times(new Decimal(10).pow(-digits)));
}

describe("oracle: the seed's worked example against Python's decimal module", () => {
  // Expected values: Python 3 `decimal` at 70 digits, straight from the chapter's formulas
  // (z1 = W1·X + b1, z2 = W2·z1 + b2, a2 = 1/(1+e^−z2), dC/dz2 = 2(a2 − y)·a2(1 − a2)).
  const oracle = createOracle({ precision: 60 });
  it.each([
    ["0", "0.91060160898008853014450934130653363962679862509083", "0.05691339414360822886437718917381941644369816972106", "0.08331189168564554544402070942721087571398884407830"],
    ["1", "0.00209265277360687281258464626423377332899725018957", "-0.0027283423633393094675550050280131333508002427501", "-0.0039938465606590515988853030020217113302152806412"],
  ])("Y = %s: cost, dC/dW1[0][0] and dC/db2 to 45 digits", (y, cost, dW1_00, db2) => {
    const g = oracle.gradients(seedNetwork, workedParams, workedX, [[y]]);
    // The Python strings are cut (not rounded) at about 47 significant digits.
    expect(agree(g.cost, cost, 45)).toBe(true);
    expect(agree(g.grads[0]!.W[0]![0]!, dW1_00, 45)).toBe(true);
    expect(agree(g.grads[1]!.b[0]!, db2, 45)).toBe(true);
    expect(toDecimalString(g.layers[1]!.a[0]![0]!, 48)).toBe("0.954254478103240828665962347521149933148900687451");
  });
});

describe("oracle: exact float64 conversion", () => {
  const D = createOracle().D;
  it("writes a float64 out in full", () => {
    expect(exactDecimal(D, 0.1).toFixed()).toBe("0.1000000000000000055511151231257827021181583404541015625");
    expect(exactDecimal(D, 2 ** 60).toFixed()).toBe("1152921504606846976");
    expect(exactDecimal(D, -1.5).toFixed()).toBe("-1.5");
    expect(exactDecimal(D, -0).isNeg() && exactDecimal(D, -0).isZero()).toBe(true);
    // The smallest subnormal is 2^−1074 = 5^1074 / 10^1074.
    expect(exactDecimal(D, 5e-324).toFixed()).toBe(`0.${(5n ** 1074n).toString().padStart(1074, "0")}`);
  });
  it("is exact: x · 2^k is the float64's integer mantissa, and it rounds back to x (seeded random doubles)", () => {
    const rng = createRng(20261126);
    const Big = Decimal.clone({ precision: 2000 });
    for (let k = 0; k < 500; k++) {
      const x = (rng.next() - 0.5) * 2 ** Math.round(rng.uniform(-1070, 1020));
      const d = exactDecimal(D, x);
      expect(d.toNumber(), `seed 20261126, draw ${k}: ${x}`).toBe(x);
      const scaled = new Big(d).times(new Big(2).pow(1126));
      expect(scaled.isInteger(), `x = ${x}`).toBe(true);
    }
  });
  it("rejects non-finite numbers and non-decimal strings by name", () => {
    const oracle = createOracle();
    expect(() => oracle.decimal(Number.NaN)).toThrow(/finite/);
    expect(() => oracle.decimal("0x10")).toThrow(/decimal number string, got "0x10"/);
  });
});

describe("oracle: activations keep full precision everywhere", () => {
  const oracle = createOracle({ precision: 50 });
  it.each([-1000, -745, -40, -1, -1e-30, 0, 1e-30, 0.5, 3, 37, 800])("logistic and tanh identities at z = %s", (z) => {
    const s = oracle.activation("logistic", z);
    const sNeg = oracle.activation("logistic", -z);
    expect(agree(s.value.plus(sNeg.value), 1, 48)).toBe(true);
    // σ′ = σ(1 − σ) = σ(z)·σ(−z): the second form has no cancellation, so it checks σ′ to full relative precision.
    expect(agree(s.derivative, s.value.times(sNeg.value), 47)).toBe(true);
    const t = oracle.activation("tanh", z);
    const tanh = oracle.decimal(z).tanh();
    // 1 − tanh² = (1 − tanh)(1 + tanh), with 1 ∓ tanh = 2σ(∓2z): again free of cancellation.
    const twoSig = (w: number) => oracle.activation("logistic", w).value.times(2);
    expect(agree(t.value, tanh, 48)).toBe(true);
    expect(agree(t.derivative, twoSig(-2 * z).times(twoSig(2 * z)), 47)).toBe(true);
  });
  it("pins ReLU′(0) = 0 and the identity", () => {
    expect(oracle.activation("relu", 0).derivative.toNumber()).toBe(0);
    expect(oracle.activation("relu", -0).value.isZero()).toBe(true);
    expect(oracle.activation("relu", 1e-300).derivative.toNumber()).toBe(1);
    expect(oracle.activation("identity", -7).derivative.toNumber()).toBe(1);
  });
});

describe("oracle: backpropagation against decimal finite differences", () => {
  const shapes: NetworkSpec[] = [
    seedNetwork,
    { layers: [2, 5, 1], activations: ["tanh", "logistic"], cost: "squared_error" },
    { layers: [4, 3, 2], activations: ["logistic", "identity"], cost: "squared_error" },
    { layers: [3, 4, 3, 1], activations: ["relu", "tanh", "logistic"], cost: "squared_error" },
  ];
  it.each(shapes.map((s, k) => [s.layers.join("-"), s, k] as const))("%s: every dC/dθ to 25 digits (h = 1e-35 at 90 digits)", (_, network, k) => {
    const seed = 7000 + k;
    const rng = createRng(seed);
    const oracle = createOracle({ precision: 90 });
    const params = network.layers.slice(1).map((units, l) => ({
      W: Array.from({ length: units }, () => Array.from({ length: network.layers[l]! }, () => rng.uniform(-1, 1))),
      b: Array.from({ length: units }, () => rng.uniform(-0.5, 0.5)),
    }));
    const inputs = Array.from({ length: 3 }, () => Array.from({ length: network.layers[0]! }, () => rng.next()));
    const targets = inputs.map(() => Array.from({ length: network.layers.at(-1)! }, () => rng.next()));
    const g = oracle.gradients(network, params, inputs, targets);
    const h = new oracle.D("1e-35");
    const cost = (p: ParamsLike) => oracle.gradients(network, p, inputs, targets).cost;
    const shifted = (l: number, what: "W" | "b", i: number, j: number, by: Decimal): ParamsLike =>
      params.map((layer, m) =>
        m !== l ? layer : what === "W"
          ? { W: layer.W.map((row, r) => row.map((w, c) => (r === i && c === j ? oracle.decimal(w).plus(by) : w))), b: layer.b }
          : { W: layer.W, b: layer.b.map((v, r) => (r === i ? oracle.decimal(v).plus(by) : v)) });
    params.forEach((layer, l) => {
      layer.W.forEach((row, i) => row.forEach((_, j) => {
        const fd = cost(shifted(l, "W", i, j, h)).minus(cost(shifted(l, "W", i, j, h.neg()))).div(h.times(2));
        expect(agree(fd, g.grads[l]!.W[i]![j]!, 25), `seed ${seed}: W${l + 1}[${i}][${j}]`).toBe(true);
      }));
      layer.b.forEach((_, i) => {
        const fd = cost(shifted(l, "b", i, 0, h)).minus(cost(shifted(l, "b", i, 0, h.neg()))).div(h.times(2));
        expect(agree(fd, g.grads[l]!.b[i]!, 25), `seed ${seed}: b${l + 1}[${i}]`).toBe(true);
      });
    });
  });
});

describe("oracle: batch conventions", () => {
  it("the batch cost and gradient are the means of the per-sample ones; train is the fold of single steps", () => {
    const oracle = createOracle();
    const inputs = [["0.1", "0.9", "0.4"], ["0.7", "0.2", "0.3"], ["0.5", "0.5", "0.5"]];
    const targets = [["1"], ["0"], ["1"]];
    const batch = oracle.gradients(seedNetwork, workedParams, inputs, targets);
    const singles = inputs.map((x, s) => oracle.gradients(seedNetwork, workedParams, [x], [targets[s]!]));
    const mean = (pick: (g: (typeof singles)[number]) => Decimal) => singles.reduce((acc, g) => acc.plus(pick(g)), new oracle.D(0)).div(3);
    expect(agree(batch.cost, mean((g) => g.cost), 48)).toBe(true);
    expect(agree(batch.grads[0]!.W[2]![1]!, mean((g) => g.grads[0]!.W[2]![1]!), 48)).toBe(true);
    expect(agree(batch.grads[1]!.b[0]!, mean((g) => g.grads[1]!.b[0]!), 48)).toBe(true);

    const trained = oracle.train(seedNetwork, workedParams, inputs, targets, "0.05", [2, 0, 2]);
    let theta: ParamsLike = workedParams;
    for (const s of [2, 0, 2]) theta = oracle.step(seedNetwork, theta, [inputs[s]!], [targets[s]!], "0.05").params;
    expect(trained.params[0]!.W[1]![2]!.eq(oracle.decimal(theta[0]!.W[1]![2]!))).toBe(true);
    expect(() => oracle.train(seedNetwork, workedParams, inputs, targets, "0.05", [3])).toThrow(/order holds 3/);
  });
});

describe("oracle: its own exp and log1p", () => {
  it.each([30, 50, 64])("log1p agrees with decimal.js's ln(1 + x) (at 40 more digits) to the working precision, at %s digits", (precision) => {
    const D = decimalConstructor(precision);
    const log1p = decimalLog1p(D);
    const Wide = Decimal.clone({ precision: precision + 40 });
    const rng = createRng(precision + 1);
    const xs = [1e-300, -1e-300, 1e-20, 2 ** -10, -(2 ** -10), 2 ** -10 * 1.0001, 0.5, -0.5, 1, 3, 1e5, 1e300, -0.999999, 0.0078125, ...Array.from({ length: 150 }, () => (rng.next() < 0.3 ? -1 : 1) * 10 ** rng.uniform(-12, 5) * (rng.next() < 0.3 ? 0.999 : 1)).filter((x) => x > -1)];
    for (const x of xs) {
      const d = exactDecimal(D, x);
      const got = log1p(d);
      // decimal.js's ln of a rounded 1 + x loses small x entirely: below 10^−3 the series, term by term, is the truth
      const w = new Wide(d);
      let want = w.abs().lt("1e-3") ? new Wide(0) : w.plus(1).ln();
      if (w.abs().lt("1e-3")) for (let n = 1, p = w; !p.isZero() && p.abs().gt(w.abs().times("1e-130")); n++, p = p.times(w)) want = n % 2 === 1 ? want.plus(p.div(n)) : want.minus(p.div(n));
      expect(new Wide(got).minus(want).abs().lte(want.abs().times(new Wide(10).pow(1 - precision))), `log1p(${x}) at ${precision} digits: ${got} vs ${want}`).toBe(true);
    }
  });

  it.each([30, 50, 64])("agrees with decimal.js's exp (at 20 more digits) to the working precision, at %s digits", (precision) => {
    const D = decimalConstructor(precision);
    const exp = decimalExp(D);
    const Wide = Decimal.clone({ precision: precision + 20 });
    const rng = createRng(precision);
    const xs = [0, 1, -1, 1e-40, -1e-40, 0.5, -709.78, -745.2, 1000, -1000, 88.7, ...Array.from({ length: 150 }, () => (rng.next() - 0.5) * 10 ** rng.uniform(-3, 3.2))];
    for (const x of xs) {
      const d = exactDecimal(D, x);
      const got = exp(d);
      const want = new Wide(d).exp();
      expect(new Wide(got).minus(want).abs().lte(want.times(new Wide(10).pow(1 - precision))), `exp(${x}) at ${precision} digits: ${got} vs ${want}`).toBe(true);
    }
  });
});
