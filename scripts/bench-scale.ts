/**
 * Scaling benchmark: a default `nncheck run` of the reference with one network of growing width added
 * (`--network 3-w-1:relu,logistic`, P = 5w + 1; w = 4, 10, 30, 100, 300 unless NNCHECK_BENCH_WIDTHS lists others,
 * e.g. "4,30,300,1000": w = 1,000, P = 5,001, just above fd/full's sampling line, is a 4-minute run alone), each run's
 * wall and CPU time (user + system, from /usr/bin/time) side by side, the exponent k of time ∝ P^k fitted by log-log
 * least squares (on the whole run, and on the time above a run without the added shape), then the 784-128-10 module
 * (examples/mnist/mnist784.ts) once, against the 60 s goal. Every run must pass. Prints the machine and the load.
 * Run: `npm run bench:scale` (about 8 minutes on 2 cores).
 */
import { spawnSync } from "node:child_process";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { LARGE_SHAPE_PARAMS, parameterCount } from "../src/checks/largeShape.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const widths = (process.env["NNCHECK_BENCH_WIDTHS"] ?? "4,10,30,100,300").split(",").map(Number);
const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ");

interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly summary: string;
}

/** One `nncheck run` with `args`, timed by /usr/bin/time (its last stderr line: wall, user, system seconds). */
function timedRun(args: readonly string[]): Timing {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %U %S", process.execPath, "--import", "tsx/esm", "src/cli/bin.ts", "run", ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  const times = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  const summary = run.stdout.split("\n").find((l) => /^\d+ checks?:/.test(l)) ?? "";
  if (run.status !== 0 || times.length !== 3) {
    console.error(`bench-scale: nncheck run ${args.join(" ")} exited ${run.status}: ${run.stdout.slice(-1500)}${run.stderr.slice(-1500)}`);
    process.exit(1);
  }
  return { wall: times[0]!, cpu: times[1]! + times[2]!, summary };
}

/** The slope k of log y = k·log x + c, least squares. */
function exponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log), ly = ys.map(Math.log), n = xs.length;
  const mx = lx.reduce((a, b) => a + b, 0) / n, my = ly.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) (sxy += (lx[i]! - mx) * (ly[i]! - my)), (sxx += (lx[i]! - mx) ** 2);
  return sxy / sxx;
}

console.log(`bench-scale: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${load()}`);
const base = timedRun([]);
console.log(`default run, no added shape: wall ${base.wall.toFixed(1)} s, CPU ${base.cpu.toFixed(1)} s (${base.summary})`);
console.log("network      P        wall s   CPU s   wall−base  CPU−base  load");
const rows: { P: number; t: Timing }[] = [];
for (const w of widths) {
  const layers = [3, w, 1], P = parameterCount({ layers });
  const t = timedRun(["--network", `${layers.join("-")}:relu,logistic`]);
  rows.push({ P, t });
  console.log(`${layers.join("-").padEnd(12)} ${String(P).padEnd(8)} ${t.wall.toFixed(1).padStart(6)}  ${t.cpu.toFixed(1).padStart(6)}  ${(t.wall - base.wall).toFixed(1).padStart(9)}  ${(t.cpu - base.cpu).toFixed(1).padStart(8)}  ${load()}`);
}
const Ps = rows.map((r) => r.P);
console.log(`exponent k (time ∝ P^k), P ${Ps[0]}–${Ps.at(-1)} (all at or below ${LARGE_SHAPE_PARAMS.toLocaleString("en-US")} parameters: no case counts reduced):`);
console.log(`  whole run: wall ${exponent(Ps, rows.map((r) => r.t.wall)).toFixed(2)}, CPU ${exponent(Ps, rows.map((r) => r.t.cpu)).toFixed(2)}`);
// the time the added shape costs: the widths where it is above the noise (0.5 s), for wall and CPU apart
const added = (time: (t: Timing) => number, label: string): string => {
  const kept = rows.filter((r) => time(r.t) - time(base) > 0.5);
  return kept.length < 2 ? `${label} (too few widths above the noise)` : `${label} ${exponent(kept.map((r) => r.P), kept.map((r) => time(r.t) - time(base))).toFixed(2)} (${kept.length} widths, P ${kept[0]!.P}–${kept.at(-1)!.P})`;
};
console.log(`  time above the run without the shape: ${added((t) => t.wall, "wall")}, ${added((t) => t.cpu, "CPU")}`);
const last = rows.slice(-2);
if (last.length === 2) console.log(`  local slope of that CPU time between the last two widths: ${exponent(last.map((r) => r.P), last.map((r) => Math.max(0.1, r.t.cpu - base.cpu))).toFixed(2)}`);
const mnist = timedRun(["--module", "examples/mnist/mnist784.ts"]);
const verdict = mnist.wall < 60 ? "within" : "OVER";
console.log(`784-128-10 (examples/mnist/mnist784.ts, P = ${parameterCount({ layers: [784, 128, 10] }).toLocaleString("en-US")}): wall ${mnist.wall.toFixed(1)} s (${verdict} the 60 s goal), CPU ${mnist.cpu.toFixed(1)} s; ${mnist.summary}; load average ${load()}`);
