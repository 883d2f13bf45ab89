/**
 * Training benchmark: 100,000 SGD steps of the seed network (3-3-1, ReLU then logistic, L = 0.05), warm, timed side
 * by side in turns (CPU time) for the reference `train` (its shape-specialised kernel), the reference's generic loop,
 * a plain Float64Array loop written for 3-3-1 (what a user would write by hand), and plain C -O2
 * (scripts/bench-train.c, compiled here with the system's `cc`; that column is skipped, saying so, without one).
 * Prints medians and the per-turn ratios, and how far the final params differ; then the exact oracle's cost per case
 * (forward + gradients at 50 digits) beside the reference's.
 * Run: `npm run bench` (env NNCHECK_SEED, NNCHECK_BENCH_STEPS, NNCHECK_BENCH_RUNS to vary).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { generateFontData } from "../src/data/index.ts";
import type { Matrix, Params } from "../src/network/types.ts";
import { seedNetwork } from "../src/network/types.ts";
import { createRng } from "../src/random/rng.ts";
import { createOracle } from "../src/oracle/index.ts";
import { clearOracleMemo } from "../src/oracle/oracleMemo.ts";
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
  /** CPU ms of each timed run. */
  readonly ms: number[];
  readonly result: Params;
}

/** CPU milliseconds (user + system) that `run` takes in this process. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The C contender: scripts/bench-train.c compiled with `cc -O2`, or why there is none. */
function compileC(): { binary: string; dir: string } | { skipped: string } {
  const dir = mkdtempSync(join(tmpdir(), "nncheck-bench-"));
  const binary = join(dir, "bench-train");
  const source = fileURLToPath(new URL("./bench-train.c", import.meta.url));
  const cc = spawnSync("cc", ["-O2", "-o", binary, source, "-lm"], { encoding: "utf8" });
  if (cc.error !== undefined || cc.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: cc.error !== undefined ? `no C compiler (cc: ${cc.error.message})` : `cc failed: ${cc.stderr.trim()}` };
  }
  return { binary, dir };
}

const cInput = [
  `${steps} ${learningRate}`, ...params.flatMap(({ W, b }) => [...W.flat(), ...b]).map(String),
  String(sampleCount), ...data.inputs.map((x, s) => `${x.join(" ")} ${data.targets[s]![0]}`), order.join(" "),
].join("\n");

/** One run of the C program: its own CPU time of the timed (second) run, and the params it trained. */
function runC(binary: string): { ms: number; result: Params } {
  const run = spawnSync(binary, [], { input: cInput, encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`${binary} exited ${run.status}: ${run.stderr}`);
  const [ms, ...p] = run.stdout.trim().split("\n").map(Number);
  const W1 = [p.slice(0, 3), p.slice(3, 6), p.slice(6, 9)];
  return { ms: ms!, result: [{ W: W1, b: p.slice(9, 12) }, { W: [p.slice(12, 15)], b: [p[15]!] }] };
}

/** Times the contenders in turns (a, b, c, a, b, c, …) after warm-up, so that all see the same machine load. */
function timeInTurns(contenders: readonly { name: string; run: () => Params }[], c: { binary: string } | undefined): Timing[] {
  const timings = contenders.map(({ name, run }) => {
    for (let i = 0; i < 3; i++) run(); // warm-up: let the JIT compile every loop
    return { name, ms: [] as number[], result: run() };
  });
  const cTiming: Timing | undefined = c === undefined ? undefined : { name: "plain C -O2", ms: [], result: runC(c.binary).result };
  for (let r = 0; r < runs; r++) {
    contenders.forEach(({ run }, i) => timings[i]!.ms.push(cpuMs(run)));
    if (c !== undefined) cTiming!.ms.push(runC(c.binary).ms);
  }
  return cTiming === undefined ? timings : [...timings, cTiming];
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

const c = compileC();
const timings = timeInTurns([
  { name: "reference train", run: () => train(seedNetwork, params, data.inputs, data.targets, learningRate, order).params },
  { name: "generic loop", run: () => train(seedNetwork, params, data.inputs, data.targets, learningRate, order, { generic: true }).params },
  { name: "plain 3-3-1 loop", run: () => plainTrain(params, data.inputs, data.targets, learningRate, order) },
], "binary" in c ? c : undefined);
if ("dir" in c) rmSync(c.dir, { recursive: true, force: true });
const [reference, generic, plain, cLoop] = timings as [Timing, Timing, Timing, Timing | undefined];

// ---------------------------------------------------------------------------------------------------
// The exact oracle: one forward + gradients of the seed network on one sample at 50 digits, per case, over the
// first samples of the same order (decimal.js: microseconds, not nanoseconds — it is the verdict, not the model).
const oracle = createOracle({ precision: 50 });
const oracleCases = order.slice(0, 200).map((s) => ({ inputs: [data.inputs[s]!], targets: [data.targets[s]!] }));
for (const c of oracleCases.slice(0, 20)) oracle.gradients(seedNetwork, params, c.inputs, c.targets);
const oracleUs: number[] = [];
for (let r = 0; r < 5; r++) {
  clearOracleMemo(); // the oracle's own cost, not its memo's (repeats are answered from the memo)
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
  `${t.name.padEnd(18)} ${median(t.ms).toFixed(2).padStart(9)} ms CPU  (${((median(t.ms) * 1e6) / steps).toFixed(0)} ns/step; min ${Math.min(...t.ms).toFixed(2)} ms)`;
const ratio = (a: Timing, b: Timing) => `${median(a.ms.map((ms, r) => ms / b.ms[r]!)).toFixed(2)} (median of per-turn ratios; ${(median(a.ms) / median(b.ms)).toFixed(2)} from the medians)`;
console.log(`seed network 3-3-1, ${steps} SGD steps, L = ${learningRate}, ${sampleCount} samples, seed ${seed}, warm, median of ${runs} runs in turns, CPU time`);
for (const t of timings) if (t !== undefined) console.log(report(t));
if (cLoop !== undefined) console.log(`ratio reference / plain C -O2: ${ratio(reference, cLoop)}; goal ≤ 3`);
else console.log(`plain C -O2: SKIPPED, ${(c as { skipped: string }).skipped}`);
console.log(`ratio reference / plain JS loop: ${ratio(reference, plain)}`);
console.log(`ratio generic loop / reference: ${ratio(generic, reference)} (what the specialised kernel gains)`);
const bits = JSON.stringify(reference.result) === JSON.stringify(generic.result) && reference.result.every(({ W, b }, l) =>
  W.every((row, i) => row.every((w, j) => Object.is(w, generic.result[l]!.W[i]![j]))) && b.every((v, i) => Object.is(v, generic.result[l]!.b[i])));
console.log(`final params, reference kernel vs generic loop: ${bits ? "bit-identical" : "DIFFERENT"}`);
const difference = maxAbsDifference(reference.result, plain.result);
console.log(`final params, max |reference − plain JS|: ${difference.toExponential(2)}  (${difference <= 1e-9 ? "agree" : "DISAGREE"} to 1e-9)`);
if (cLoop !== undefined) {
  const cDifference = maxAbsDifference(reference.result, cLoop.result);
  console.log(`final params, max |reference − plain C|: ${cDifference.toExponential(2)}  (${cDifference <= 1e-9 ? "agree" : "DISAGREE"} to 1e-9; C's exp may differ from V8's in the last bit)`);
}
console.log(
  `oracle forward + gradients, seed network, 1 sample, 50 digits: ${median(oracleUs).toFixed(0)} µs per case ` +
    `(reference gradients, ml-matrix: ${median(referenceUs).toFixed(1)} µs; ratio ${(median(oracleUs) / median(referenceUs)).toFixed(0)}×)`,
);
