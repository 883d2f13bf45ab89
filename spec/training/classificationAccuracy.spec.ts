import { describe, expect, it } from "vitest";
import type { Params } from "../../src/network/types.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { classificationAccuracy } from "../../src/training/index.ts";

// Hidden units copy the inputs (ReLU of non-negative inputs is the input), the output is
// σ(x1 + x2 + x3 − 1.5): so a2 ≥ 0.5 exactly when x1 + x2 + x3 ≥ 1.5.
const params: Params = [
  { W: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], b: [0, 0, 0] },
  { W: [[1, 1, 1]], b: [-1.5] },
];

describe("classificationAccuracy", () => {
  it("counts (a2 ≥ 0.5) === label, with a2 = 0.5 predicting 1", () => {
    const inputs = [[1, 1, 1], [0, 0, 0], [0.5, 0.5, 0.5], [0.25, 0.25, 0.25], [1, 0, 0]];
    // predicted:       1          0          1 (sum 1.5: σ(0) = 0.5)  0                 0
    expect(classificationAccuracy(seedNetwork, params, { inputs, targets: [[1], [0], [1], [0], [0]] })).toBe(1);
    expect(classificationAccuracy(seedNetwork, params, { inputs, targets: [[1], [1], [0], [0], [1]] })).toBe(2 / 5);
    expect(classificationAccuracy(seedNetwork, params, { inputs, targets: [[0], [1], [0], [1], [1]] })).toBe(0);
  });

  it("is NaN for no samples", () => {
    expect(classificationAccuracy(seedNetwork, params, { inputs: [], targets: [] })).toBeNaN();
  });
});
