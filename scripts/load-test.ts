/**
 * Runs the README's test command beside busy loops, as on a shared CI runner at load average 10+:
 *   npx tsx scripts/load-test.ts [--busy N] [-- <vitest arguments>]
 * N busy loops (default 4 per core) run for as long as `npm test` does and are killed with it, also when the
 * script is interrupted. Prints the load average seen, the time taken and the exit code; exits with that code.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";

const args = process.argv.slice(2);
const at = args.indexOf("--busy");
const busy = at >= 0 ? Number(args[at + 1]) : 4 * availableParallelism();
if (!Number.isInteger(busy) || busy < 0) {
  console.error(`load-test: --busy must be a non-negative integer, got ${args[at + 1]}`);
  process.exit(2);
}
const extra = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];

const loops: ChildProcess[] = Array.from({ length: busy }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore", detached: true }));
const killLoops = (): void => {
  for (const loop of loops) {
    try {
      process.kill(-loop.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
};
process.on("exit", killLoops);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

const peaks: number[] = [];
const sampler = setInterval(() => peaks.push(loadavg()[0]!), 5000);
const start = performance.now();
console.log(`load-test: npm test beside ${busy} busy loops on ${availableParallelism()} cores`);
const test = spawn("npm", ["test", ...(extra.length > 0 ? ["--", ...extra] : [])], { stdio: "inherit" });
test.on("close", (code) => {
  clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  const load = peaks.length > 0 ? `${Math.min(...peaks).toFixed(1)}–${Math.max(...peaks).toFixed(1)}` : "n/a";
  console.log(`load-test: npm test exited ${code} after ${seconds.toFixed(0)} s beside ${busy} busy loops (load average ${load})`);
  killLoops();
  process.exit(code ?? 1);
});
