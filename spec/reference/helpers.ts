/** Shared helpers for the reference specs: the replay seed, closeness checks and seeded random cases. */
import { expect } from "vitest";
import type { Activation, Matrix, NetworkSpec, Params } from "../../src/network/types.ts";
import { initParams } from "../../src/reference/index.ts";
import type { Rng } from "../../src/random/rng.ts";

/** The seed of every random case here; replay a failure with NNCHECK_SEED=<seed> npx vitest run spec/reference. */
export const SEED = Number(process.env["NNCHECK_SEED"] ?? 20240601);

/** Asserts |actual − expected| ≤ relTol·|expected|, naming `label` and both values on failure. */
export function expectRelClose(actual: number, expected: number | string, relTol: number, label: string): void {
  const exact = Number(expected);
  const error = Math.abs(actual - exact);
  const ok = error <= relTol * Math.abs(exact);
  expect(ok, `${label}: expected ${expected}, got ${actual} (relative error ${error / Math.abs(exact)}, tolerance ${relTol})`).toBe(true);
}

/** A network with these widths and activations and the squared-error cost. */
export function network(layers: readonly number[], activations: readonly Activation[]): NetworkSpec {
  return { layers, activations, cost: "squared_error" };
}

/** A random case for `network`: "normal" params, `n` inputs uniform in [−1, 1), targets uniform in [0, 1). */
export function randomCase(net: NetworkSpec, n: number, rng: Rng): { params: Params; inputs: Matrix; targets: Matrix } {
  const params = initParams(net, rng, "normal");
  const inputs = Array.from({ length: n }, () => Array.from({ length: net.layers[0]! }, () => rng.uniform(-1, 1)));
  const targets = Array.from({ length: n }, () => Array.from({ length: net.layers[net.layers.length - 1]! }, () => rng.next()));
  return { params, inputs, targets };
}

/** Every parameter's position (layer l, W[i][j] or b[i]) with a readable name like `params[1].W[0][2]`. */
export function parameterPositions(params: Params): { l: number; kind: "W" | "b"; i: number; j: number; name: string }[] {
  return params.flatMap(({ W, b }, l) => [
    ...W.flatMap((row, i) => row.map((_, j) => ({ l, kind: "W" as const, i, j, name: `params[${l}].W[${i}][${j}]` }))),
    ...b.map((_, i) => ({ l, kind: "b" as const, i, j: 0, name: `params[${l}].b[${i}]` })),
  ]);
}

/** A copy of `params` with one entry replaced. */
export function withParameter(params: Params, at: { l: number; kind: "W" | "b"; i: number; j: number }, value: number): Params {
  return params.map(({ W, b }, l) => {
    if (l !== at.l) return { W, b };
    if (at.kind === "b") return { W, b: b.map((v, i) => (i === at.i ? value : v)) };
    return { W: W.map((row, i) => row.map((v, j) => (i === at.i && j === at.j ? value : v))), b };
  });
}

/** The entry of `params` at a position from `parameterPositions`. */
export function parameterAt(params: Params, at: { l: number; kind: "W" | "b"; i: number; j: number }): number {
  const layer = params[at.l]!;
  return at.kind === "W" ? layer.W[at.i]![at.j]! : layer.b[at.i]!;
}
