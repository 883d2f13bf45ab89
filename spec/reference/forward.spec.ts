import { describe, expect, it } from "vitest";
import type { Activation, Matrix, NetworkSpec, Params } from "../../src/network/types.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";
import { forward } from "../../src/reference/index.ts";
import { expectRelClose, network, randomCase, SEED } from "./helpers.ts";
import { pink, seedExampleExact, seedExampleParams, seedExampleX } from "./seedExample.ts";

/**
 * Bound for the worked example: the float64 params are the chapter's decimals rounded (≤ 2^−53 relative each),
 * then each z is a 3-term dot product plus a bias of positive terms and each a one exp and a division: a few
 * roundings of 2^−53 ≈ 1.1e−16 with no cancellation, so 1e−15 relative holds with margin.
 */
const FORWARD_TOLERANCE = 1e-15;

describe("forward on the seed's worked example", () => {
  for (const [name, inputs, exact] of [
    ["X alone", [seedExampleX], seedExampleExact.single],
    ["the batch [X, pink]", [seedExampleX, pink], seedExampleExact.batch],
  ] as const) {
    it(`matches the exact Z1, A1, Z2, A2 for ${name}`, () => {
      const [hidden, output] = forward(seedNetwork, seedExampleParams, inputs);
      expect(hidden!.z).toHaveLength(inputs.length);
      exact.forward.forEach((sample, k) => {
        sample.z1.forEach((z, i) => expectRelClose(hidden!.z[k]![i]!, z, FORWARD_TOLERANCE, `sample ${k} Z1[${i}]`));
        sample.a1.forEach((a, i) => expectRelClose(hidden!.a[k]![i]!, a, FORWARD_TOLERANCE, `sample ${k} A1[${i}]`));
        expectRelClose(output!.z[k]![0]!, sample.z2[0]!, FORWARD_TOLERANCE, `sample ${k} Z2`);
        expectRelClose(output!.a[k]![0]!, sample.a2[0]!, FORWARD_TOLERANCE, `sample ${k} A2`);
      });
    });
  }
});

/** An independent forward pass: per sample, plain loops, the textbook formulas (1/(1+e^−z) is fine for |z| < 30). */
function naiveForward(net: NetworkSpec, params: Params, inputs: Matrix): { z: number[][]; a: number[][] }[] {
  const f: Partial<Record<Activation, (z: number) => number>> = {
    relu: (z) => Math.max(z, 0),
    logistic: (z) => 1 / (1 + Math.exp(-z)),
    tanh: (z) => (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z)),
    identity: (z) => z,
  };
  const layers = params.map(() => ({ z: [] as number[][], a: [] as number[][] }));
  inputs.forEach((x) => {
    let aPrev: readonly number[] = x;
    params.forEach(({ W, b }, l) => {
      const z = W.map((row, i) => row.reduce((s, w, j) => s + w * aPrev[j]!, 0) + b[i]!);
      const a = z.map(f[net.activations[l]!]!);
      layers[l]!.z.push(z);
      layers[l]!.a.push(a);
      aPrev = a;
    });
  });
  return layers;
}

describe("forward on other shapes", () => {
  const shapes: [number[], Activation[]][] = [
    [[2, 4, 3, 2], ["tanh", "logistic", "identity"]],
    [[5, 1], ["relu"]],
    [[3, 6, 5, 1], ["relu", "tanh", "logistic"]],
  ];
  for (const [layers, activations] of shapes) {
    it(`agrees with a per-sample loop for ${layers.join("-")} ${activations.join("/")} (seed ${SEED})`, () => {
      const net = network(layers, activations);
      const { params, inputs } = randomCase(net, 4, createRng(SEED));
      const actual = forward(net, params, inputs);
      const expected = naiveForward(net, params, inputs);
      expect(actual).toHaveLength(layers.length - 1);
      expected.forEach(({ z, a }, l) => {
        expect(actual[l]!.z.map((row) => row.length), `layer ${l + 1} shape`).toEqual(z.map((row) => row.length));
        z.forEach((row, k) => row.forEach((v, i) => expect(actual[l]!.z[k]![i]!, `layer ${l + 1} z[${k}][${i}]`).toBeCloseTo(v, 12)));
        a.forEach((row, k) => row.forEach((v, i) => expect(actual[l]!.a[k]![i]!, `layer ${l + 1} a[${k}][${i}]`).toBeCloseTo(v, 12)));
      });
    });
  }

  it("does not change its arguments", () => {
    const net = network([2, 3, 1], ["relu", "logistic"]);
    const { params, inputs } = randomCase(net, 3, createRng(SEED));
    const before = structuredClone({ params, inputs });
    forward(net, params, inputs);
    expect({ params, inputs }).toEqual(before);
  });
});
