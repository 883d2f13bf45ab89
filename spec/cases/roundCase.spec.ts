import { describe, expect, it } from "vitest";
import { roundCase } from "../../src/cases/roundCase.ts";
import { randomCase } from "../../src/cases/index.ts";
import { DTYPES } from "../../src/gradcheck/dtypes.ts";
import type { NetworkSpec } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";

const isDtypeValue = (x: number, dtype: "float16" | "bfloat16") => DTYPES[dtype].round(x) === x;

describe("roundCase", () => {
  it("rounds parameters, inputs, targets and the learning rate to float16 values, leaving the rest", () => {
    const network: NetworkSpec = { layers: [3, 4, 2], activations: ["tanh", "identity"], cost: "squared_error" };
    const c = randomCase(createRng(3), network, 3);
    const r = roundCase(c, "float16");
    const numbers = (x: typeof c) => [...x.params.flatMap(({ W, b }) => [...W.flat(), ...b]), ...x.inputs.flat(), ...x.targets.flat(), x.learningRate];
    expect(numbers(r).every((x) => isDtypeValue(x, "float16"))).toBe(true);
    // nearest: each within half a float16 ulp (2^-11 relatively), and not all unchanged (the draws are float64s)
    numbers(c).forEach((x, i) => expect(Math.abs(numbers(r)[i]! - x)).toBeLessThanOrEqual(2 ** -11 * Math.abs(x)));
    expect(numbers(r).filter((x, i) => x !== numbers(c)[i]).length).toBeGreaterThan(20);
    expect(r.network).toBe(network);
    expect(r.attempts).toBe(c.attempts);
  });

  it("keeps a cross-entropy target row a probability vector of bfloat16 values summing to 1 exactly", () => {
    const network: NetworkSpec = { layers: [2, 5], activations: ["softmax"], cost: "cross_entropy" };
    const c = { ...randomCase(createRng(4), network, 1), targets: [[0.1, 0.2, 0.3, 0.15, 0.25]] };
    const [row] = roundCase(c, "bfloat16").targets;
    expect(row!.reduce((s, y) => s + y, 0)).toBe(1);
    expect(row!.every((y) => y >= 0 && isDtypeValue(y, "bfloat16"))).toBe(true);
    row!.forEach((y, k) => expect(Math.abs(y - c.targets[0]![k]!)).toBeLessThanOrEqual(3 * 2 ** -8)); // the largest takes the others' remainders
  });
});
