/**
 * The exact oracle's cost per parameter, old construction beside new, in one run: forward + gradients (50 digits) on
 * fresh seeded cases (a new oracle each time: no cached conversion helps), timed in alternating turns (CPU time).
 * "parse" builds every Decimal the previous way (decimal.js parsing the digits of the float's exact value and of
 * each rounded sum); "direct" builds decimal.js's digit words straight from the BigInt (src/oracle/scaledDecimal.ts).
 * Both give the same Decimals bit for bit (spec/oracle/scaledDecimal.spec.ts). Everything else is shared.
 * Run: `node --import tsx/esm scripts/bench-oracle.ts` (env NNCHECK_SEED, NNCHECK_BENCH_RUNS).
 */
import { randomCase } from "../src/cases/index.ts";
import type { NetworkSpec } from "../src/network/types.ts";
import { createOracle } from "../src/oracle/index.ts";
import { buildDecimalsByParsing } from "../src/oracle/scaledDecimal.ts";
import { exactToNumbers } from "../src/gradcheck/exactGradients.ts";
import { createRng } from "../src/random/rng.ts";

const seed = Number(process.env["NNCHECK_SEED"] ?? 1);
const runs = Number(process.env["NNCHECK_BENCH_RUNS"] ?? 5);

const shapes: { readonly name: string; readonly network: NetworkSpec; readonly cases: number }[] = [
  { name: "3-3-1", network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" }, cases: 200 },
  { name: "30-30-3", network: { layers: [30, 30, 3], activations: ["relu", "softmax"], cost: "cross_entropy" }, cases: 10 },
  { name: "784-128-10", network: { layers: [784, 128, 10], activations: ["relu", "softmax"], cost: "cross_entropy" }, cases: 1 },
];

const cpuMs = (run: () => void): number => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`oracle forward + gradients + rounding to float64, µs per parameter (CPU, median of ${runs} alternating turns, seed ${seed})`);
console.log("shape        params   parse µs/param   direct µs/param   parse/direct");
for (const { name, network, cases } of shapes) {
  const rng = createRng(seed);
  const drawn = Array.from({ length: cases }, () => randomCase(rng, network, 1, { paramRange: [-1.5, 1.5], inputRange: [0, 1] }));
  const P = network.layers.slice(1).reduce((n, m, l) => n + m * (network.layers[l]! + 1), 0);
  const once = (parse: boolean) => {
    const before = buildDecimalsByParsing(parse);
    try {
      return cpuMs(() => drawn.forEach((c) => exactToNumbers(createOracle().gradients(network, c.params, c.inputs, c.targets))));
    } finally {
      buildDecimalsByParsing(before);
    }
  };
  once(true), once(false); // warm
  const parse: number[] = [], direct: number[] = [], ratio: number[] = [];
  for (let r = 0; r < runs; r++) {
    const a = once(true), b = once(false);
    parse.push(a), direct.push(b), ratio.push(a / b);
  }
  const perParam = (ms: number) => ((1000 * ms) / (cases * P)).toFixed(2);
  console.log(`${name.padEnd(12)} ${String(P).padStart(6)}   ${perParam(median(parse)).padStart(14)}   ${perParam(median(direct)).padStart(15)}   ${median(ratio).toFixed(2).padStart(12)}×`);
}
