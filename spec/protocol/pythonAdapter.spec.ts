import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GradientsRequest, Method, TrainRequest } from "../../src/implementation.ts";
import type { Activation, NetworkSpec, Params } from "../../src/network/types.ts";
import { shapeProblems, spawnImplementation, type ProtocolImplementation } from "../../src/protocol/index.ts";
import { encodeWire } from "../../src/protocol/wireJson.ts";
import { createRng } from "../../src/random/rng.ts";
import { reference } from "../../src/reference/index.ts";
import { ADAPTER, DECIMAL_ORACLE, seedGradientsRequest } from "./helpers.ts";

const seed = Number(process.env.NNCHECK_SEED ?? 7);
let adapter: ProtocolImplementation;
beforeAll(async () => {
  adapter = await spawnImplementation(`python3 ${ADAPTER}`);
});
afterAll(() => adapter.close());

/** The same requests answered in 60-digit decimal arithmetic by spec/protocol/oracle/decimal_oracle.py. */
function decimalOracle(requests: readonly { method: Method; params: unknown }[]): unknown[] {
  const run = spawnSync("python3", [DECIMAL_ORACLE], { input: encodeWire(requests), encoding: "utf8" });
  if (run.status !== 0) throw new Error(`decimal_oracle.py failed (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown[];
}

/** Every number of `actual` against the number or decimal string at the same place of `expected`: |a − e| ≤ rel·|e| + abs. */
function expectClose(actual: unknown, expected: unknown, rel: number, abs = 1e-300, path = "result"): void {
  if (Array.isArray(expected) || (typeof expected === "object" && expected !== null)) {
    const keys = Object.keys(expected);
    expect(Object.keys(actual as object), `keys of ${path}`).toEqual(keys);
    for (const k of keys) expectClose((actual as never)[k], (expected as never)[k], rel, abs, `${path}${Array.isArray(expected) ? `[${k}]` : `.${k}`}`);
    return;
  }
  const e = Number(expected);
  const a = actual as number;
  const ok = Math.abs(a - e) <= rel * Math.abs(e) + abs;
  expect(ok, `${path}: got ${a}, expected ${expected as string} (rel ${rel}, seed ${seed})`).toBe(true);
}

/** A network with random parameters in [−1, 1) and random inputs and targets, from `rng`. */
function randomRequest(rng: ReturnType<typeof createRng>, layers: number[], activations: Activation[], n: number): GradientsRequest {
  const network: NetworkSpec = { layers, activations, cost: "squared_error" };
  const matrix = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-1, 1)));
  const params: Params = layers.slice(1).map((units, l) => ({ W: matrix(units, layers[l]!), b: matrix(1, units)[0]! }));
  return { network, params, inputs: matrix(n, layers[0]!), targets: matrix(n, layers.at(-1)!) };
}

describe("examples/python/adapter.py", () => {
  it("says hello with every method and activation", () => {
    expect(adapter.helloResult).toEqual({
      protocol: 1, name: "numpy example adapter", language: "python", dtype: "float64",
      methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity", "leaky_relu", "softplus", "silu", "softmax"],
      costs: ["squared_error", "half_squared_error", "binary_cross_entropy", "cross_entropy"], reductions: ["mean", "sum", "mean_all"],
      optimizers: ["sgd", "adam", "adamw"],
    });
  });

  it("reproduces the seed chapter's worked forward pass (Z1, A2 as printed, 15 digits)", async () => {
    const { layers } = await adapter.forward(seedGradientsRequest);
    expectClose(layers[0]!.z, [["1.36054964190909", "2.15471757888247", "0.719554393391768"]], 1e-14);
    expectClose(layers[1]!.z, [["3.0378364795204"]], 1e-13);
    expectClose(layers[1]!.a, [["0.954254478103241"]], 1e-14);
  });

  it("gives the seed example's cost and gradients to 1e-12 of the decimal computation", async () => {
    const result = await adapter.gradients(seedGradientsRequest);
    expect(shapeProblems("gradients", seedGradientsRequest, result)).toEqual([]);
    expectClose(result, decimalOracle([{ method: "gradients", params: seedGradientsRequest }])[0], 1e-12);
  });

  it(`answers forward, gradients, step and train on random networks with every activation like the decimal computation (seed ${seed})`, async () => {
    const rng = createRng(seed);
    const shapes: [number[], Activation[]][] = [[[3, 4, 2], ["tanh", "identity"]], [[2, 3, 3, 1], ["relu", "logistic", "tanh"]]];
    const cases = shapes.flatMap(([layers, activations]) => {
      const request: TrainRequest = { ...randomRequest(rng, layers, activations, 4), learningRate: 0.05, order: [0, 3, 1, 1, 2] };
      return (["forward", "gradients", "step", "train"] as const).map((method) => ({ method, params: request }));
    });
    const expected = decimalOracle(cases);
    for (const [i, { method, params }] of cases.entries()) {
      const result = await adapter[method](params);
      expect(shapeProblems(method, params, result), `${method} on [${params.network.layers}]`).toEqual([]);
      expectClose(result, expected[i], 1e-12, 1e-15, `${method} on [${params.network.layers}]`);
    }
  });

  it(`agrees with src/reference (float64 TypeScript) to 1e-12 on the same random networks (seed ${seed})`, async () => {
    const rng = createRng(seed + 1);
    const request: TrainRequest = { ...randomRequest(rng, [4, 5, 3, 2], ["logistic", "relu", "tanh"], 6), learningRate: 0.1, order: [5, 0, 2, 2] };
    for (const method of ["forward", "gradients", "step", "train"] as const) {
      expectClose(await adapter[method](request), await reference[method](request), 1e-12, 1e-15, `${method} vs reference`);
    }
  });

  it("computes every activation and its derivative accurately, even far out (|x| ≥ 710)", async () => {
    const x = [-1000, -710, -30, -1.5, -1e-300, -0, 0, 1e-300, 0.5, 1, 30, 710, 1000];
    const names = ["relu", "logistic", "tanh", "identity"] as const;
    const expected = decimalOracle(names.map((name) => ({ method: "activation", params: { name, x } })));
    for (const [i, name] of names.entries()) {
      expectClose(await adapter.activation({ name, x }), expected[i], 4e-16, 1e-307, name);
    }
  });

  it("keeps ReLU′(0) = 0, relu(−0) = +0, identity(−0) = −0 and non-finite numbers both ways", async () => {
    const relu = await adapter.activation({ name: "relu", x: [0, -0] });
    expect(relu.derivative).toEqual([0, 0]);
    expect(Object.is(relu.value[1], 0)).toBe(true);
    const identity = await adapter.activation({ name: "identity", x: [-0, Number.NaN, Infinity, -Infinity] });
    expect(Object.is(identity.value[0], -0)).toBe(true);
    expect(identity.value.slice(1)).toEqual([Number.NaN, Infinity, -Infinity]);
    const logistic = await adapter.activation({ name: "logistic", x: [Infinity, -Infinity, Number.NaN] });
    expect(logistic.value).toEqual([1, 0, Number.NaN]);
  });
});
