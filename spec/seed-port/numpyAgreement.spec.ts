import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import seedPort from "../../examples/seed-port/seedPort.ts";
import { workedExample } from "../../examples/seed-port/workedExample.ts";
import { randomCase } from "../../src/cases/index.ts";
import type { Params } from "../../src/network/types.ts";
import { seedNetwork } from "../../src/network/types.ts";
import { createRng } from "../../src/random/rng.ts";

const script = fileURLToPath(new URL("./published_code.py", import.meta.url));
const numpyPresent = spawnSync("python3", ["-c", "import numpy"]).status === 0;
const note = numpyPresent ? "(python3 + numpy)" : "(SKIPPED: python3 with numpy not found)";

interface NumpyAnswer {
  readonly dW1: number[][];
  readonly dB1: number[][];
  readonly dW2: number[][];
  readonly dB2: number[][];
  readonly params: Params;
  readonly d_logistic: (number | string)[];
}

/** Within 4 ulps: numpy may hand products to BLAS, whose summation order can differ from the port's. */
const near = (actual: number, expected: number) => Math.abs(actual - expected) <= 4 * 2 ** -52 * Math.abs(expected) + 1e-300;

describe("the seed port against numpy running the printed code", () => {
  it.skipIf(!numpyPresent)(`gives numpy's gradients, update and d_logistic ${note}`, async () => {
    const requests = [workedExample(0), workedExample(1), ...Array.from({ length: 4 }, (_, k) => {
      const c = randomCase(createRng(100 + k), seedNetwork, 1, { inputRange: [0, 1] });
      return { network: seedNetwork, params: c.params, inputs: c.inputs, targets: c.targets };
    })];
    const z = [-1000, -709.79, -709.78, -400, -354.8, -30, 0, 30, 800];
    const input = requests.map((r) => ({ params: r.params, x: r.inputs[0], y: r.targets[0]![0], L: 0.05, z }));
    const run = spawnSync("python3", [script], { input: JSON.stringify(input), encoding: "utf8" });
    expect(run.stderr).toBe("");
    const answers = JSON.parse(run.stdout) as NumpyAnswer[];
    for (const [k, request] of requests.entries()) {
      const numpy = answers[k]!;
      const { grads } = await seedPort.gradients(request);
      const { params } = await seedPort.step({ ...request, learningRate: 0.05 });
      const pairs: [number, number][] = [
        ...grads[0]!.W.flatMap((row) => row.map((x, j): [number, number] => [x, numpy.dW1[0]![j]!])), // every row is numpy's one row
        ...grads[0]!.b.map((x): [number, number] => [x, numpy.dB1[0]![0]!]),
        ...grads[1]!.W[0]!.map((x, j): [number, number] => [x, numpy.dW2[0]![j]!]),
        [grads[1]!.b[0]!, numpy.dB2[0]![0]!],
        ...params.flatMap((p, l) => [...p.W.flat(), ...p.b].map((x, i): [number, number] => [x, [...numpy.params[l]!.W.flat(), ...numpy.params[l]!.b][i]!])),
      ];
      expect(pairs.filter(([port, np]) => !near(port, np)), `case ${k}`).toEqual([]);
    }
    const derivative = (await seedPort.activation({ name: "logistic", x: z })).derivative as readonly number[];
    const numpyDerivative = answers[0]!.d_logistic;
    expect(derivative.filter((d, i) => (typeof numpyDerivative[i] === "string" ? String(d) !== numpyDerivative[i] : !near(d, numpyDerivative[i] as number)))).toEqual([]);
    expect(numpyDerivative.slice(0, 3)).toEqual(["NaN", "NaN", 0]); // numpy itself: NaN below −709.78, 0 from the overflowing square
  });
});
