/** Seeded cases for the finite-difference specs. */
import { randomCase } from "../../../src/cases/index.ts";
import type { GradientsRequest } from "../../../src/implementation.ts";
import type { NetworkSpec } from "../../../src/network/types.ts";
import { createRng } from "../../../src/random/rng.ts";

/** The seed of every random case here; replay a failure with NNCHECK_SEED=<seed> npx vitest run spec/finiteDifference. */
export const SEED = Number(process.env["NNCHECK_SEED"] ?? 20240611);

const net = (layers: number[], activations: NetworkSpec["activations"]): NetworkSpec => ({ layers, activations, cost: "squared_error" });

export const SHAPES: readonly NetworkSpec[] = [
  net([3, 3, 1], ["relu", "logistic"]),
  net([2, 5, 1], ["tanh", "logistic"]),
  net([3, 4, 3, 1], ["relu", "tanh", "logistic"]),
  net([4, 3, 2], ["tanh", "identity"]),
  net([2, 3, 3, 1], ["relu", "relu", "identity"]),
];

/** `count` requests cycling through SHAPES, batches of 1–4, from `seed`. */
export function requests(count: number, seed = SEED, options: Parameters<typeof randomCase>[3] = {}): GradientsRequest[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, k) => {
    const c = randomCase(rng, SHAPES[k % SHAPES.length]!, 1 + rng.int(4), options);
    return { network: c.network, params: c.params, inputs: c.inputs, targets: c.targets };
  });
}
