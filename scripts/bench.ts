/**
 * Training benchmark: 100,000 SGD steps of the seed network (3-3-1, ReLU then logistic, L = 0.05), timed
 * side by side for the reference `train` and a plain Float64Array loop written for 3-3-1 (what a user
 * would write by hand). Prints the median of several runs, the ratio, and how far the final params differ;
 * then the exact oracle's cost per case (forward + gradients at 50 digits) beside the reference's.
 * Run: `npx tsx scripts/bench.ts` (env NNCHECK_SEED, NNCHECK_BENCH_STEPS, NNCHECK_BENCH_RUNS to vary).
 */
import { performance } from "node:perf_hooks";
import { generateFontData } from "../src/data/index.ts";
import type { Matrix, Params } from "../src/network/types.ts";
import { seedNetwork } from "../src/network/types.ts";
import { createRng } from "../src/random/rng.ts";
import { createOracle } from "../src/oracle/index.ts";
import { gradients, initParams, train } from "../src/reference/index.ts";

const seed = Number(process.env["NNCHECK_SEED"] ?? 20240601);
const steps = Number(process.env["NNCHECK_BENCH_STEPS"] ?? 100_000);
const runs = Number(process.env["NNCHECK_BENCH_RUNS"] ?? 11);
const learningRate = 0.05;
const sampleCount = 1000;

const rng = createRng(seed);
const data = generateFontData(rng.fork(), sampleCount);
const params = initParams(seedNetwork, rng.fork(), "uniform01");
const orderRng = rng.fork();
const order = Array.from({ length: steps }, () => orderRng.int(sampleCount));

/** The seed's training loop by hand for 3-3-1 only: flat Float64Arrays, naive logistic 1/(1+e^−z). */
function plainTrain(params: Params, inputs: Matrix, targets: Matrix, L: number, order: readonly number[]): Params {
  const W1 = Float64Array.from(params[0]!.W.flat()), b1 = Float64Array.from(params[0]!.b);
  const W2 = Float64Array.from(params[1]!.W.flat()), b2 = Float64Array.from(params[1]!.b);
  const X = Float64Array.from(inputs.flat()), Y = Float64Array.from(targets.flat());
  const z1 = new Float64Array(3), a1 = new Float64Array(3), delta1 = new Float64Array(3);
  for (let k = 0; k < order.length; k++) {
    const s = order[k]!;
    const x0 = X[3 * s]!, x1 = X[3 * s + 1]!, x2 = X[3 * s + 2]!;
    for (let i = 0; i < 3; i++) {
      z1[i] = W1[3 * i]! * x0 + W1[3 * i + 1]! * x1 + W1[3 * i + 2]! * x2 + b1[i]!;
      a1[i] = z1[i]! > 0 ? z1[i]! : 0;
    }
    const z2 = W2[0]! * a1[0]! + W2[1]! * a1[1]! + W2[2]! * a1[2]! + b2[0]!;
    const e = Math.exp(-z2);
    const a2 = 1 / (1 + e);
    const delta2 = 2 * (a2 - Y[s]!) * (e / ((1 + e) * (1 + e))); // dC/dA2 · dA2/dZ2
    for (let i = 0; i < 3; i++) delta1[i] = z1[i]! > 0 ? W2[i]! * delta2 : 0;
    for (let i = 0; i < 3; i++) {
      W2[i] = W2[i]! - L * delta2 * a1[i]!;
      W1[3 * i] = W1[3 * i]! - L * delta1[i]! * x0;
      W1[3 * i + 1] = W1[3 * i + 1]! - L * delta1[i]! * x1;
      W1[3 * i + 2] = W1[3 * i + 2]! - L * delta1[i]! * x2;
      b1[i] = b1[i]! - L * delta1[i]!;
    }
    b2[0] = b2[0]! - L * delta2;
  }
  const rows = (m: Float64Array, n: number) => Array.from({ length: m.length / n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n)));
  return [{ W: rows(W1, 3), b: Array.from(b1) }, { W: rows(W2, 3), b: Array.from(b2) }];
}

interface Timing {
  readonly name: string;
  readonly ms: number[];
  readonly result: Params;
}

/** Times the contenders in turns (a, b, a, b, …) after warm-up, so that both see the same machine load. */
function timeInTurns(contenders: readonly { name: string; run: () => Params }[]): Timing[] {
  const timings = contenders.map(({ name, run }) => {
    for (let i = 0; i < 3; i++) run(); // warm-up: let the JIT compile both loops
    return { name, ms: [] as number[], result: run() };
  });
  for (let r = 0; r < runs; r++) {
    contenders.forEach(({ run }, c) => {
      const start = performance.now();
      run();
      timings[c]!.ms.push(performance.now() - start);
    });
  }
  return timings;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function maxAbsDifference(p: Params, q: Params): number {
  let max = 0;
  p.forEach(({ W, b }, l) => {
    W.forEach((row, i) => row.forEach((w, j) => (max = Math.max(max, Math.abs(w - q[l]!.W[i]![j]!)))));
    b.forEach((v, i) => (max = Math.max(max, Math.abs(v - q[l]!.b[i]!))));
  });
  return max;
}

const [reference, plain] = timeInTurns([
  { name: "reference train", run: () => train(seedNetwork, params, data.inputs, data.targets, learningRate, order).params },
  { name: "plain 3-3-1 loop", run: () => plainTrain(params, data.inputs, data.targets, learningRate, order) },
]) as [Timing, Timing];

// ---------------------------------------------------------------------------------------------------
// The exact oracle: one forward + gradients of the seed network on one sample at 50 digits, per case, over the
// first samples of the same order (decimal.js: microseconds, not nanoseconds — it is the verdict, not the model).
const oracle = createOracle({ precision: 50 });
const oracleCases = order.slice(0, 200).map((s) => ({ inputs: [data.inputs[s]!], targets: [data.targets[s]!] }));
for (const c of oracleCases.slice(0, 20)) oracle.gradients(seedNetwork, params, c.inputs, c.targets);
const oracleUs: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (const c of oracleCases) oracle.gradients(seedNetwork, params, c.inputs, c.targets);
  oracleUs.push(((performance.now() - t0) * 1000) / oracleCases.length);
}
const referenceUs: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  for (const c of oracleCases) gradients(seedNetwork, params, c.inputs, c.targets);
  referenceUs.push(((performance.now() - t0) * 1000) / oracleCases.length);
}

const report = (t: Timing) =>
  `${t.name.padEnd(18)} ${median(t.ms).toFixed(2).padStart(9)} ms  (${((median(t.ms) * 1e6) / steps).toFixed(0)} ns/step; min ${Math.min(...t.ms).toFixed(2)} ms)`;
console.log(`seed network 3-3-1, ${steps} SGD steps, L = ${learningRate}, ${sampleCount} samples, seed ${seed}, median of ${runs} runs in turns`);
console.log(report(reference));
console.log(report(plain));
const ratios = reference.ms.map((ms, r) => ms / plain.ms[r]!);
console.log(`ratio reference / plain: ${median(ratios).toFixed(2)} (median of per-turn ratios; ${(median(reference.ms) / median(plain.ms)).toFixed(2)} from the medians; goal ≤ 3)`);
const difference = maxAbsDifference(reference.result, plain.result);
console.log(`final params, max |reference − plain|: ${difference.toExponential(2)}  (${difference <= 1e-9 ? "agree" : "DISAGREE"} to 1e-9)`);
console.log(
  `oracle forward + gradients, seed network, 1 sample, 50 digits: ${median(oracleUs).toFixed(0)} µs per case ` +
    `(reference gradients, ml-matrix: ${median(referenceUs).toFixed(1)} µs; ratio ${(median(oracleUs) / median(referenceUs)).toFixed(0)}×)`,
);
