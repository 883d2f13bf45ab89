/**
 * Jobs benchmark: the wall time of a default `nncheck run` (the compiled CLI, dist/cli/bin.js, on the reference
 * unless NNCHECK_BENCH_ARGS adds e.g. `--impl "python3 examples/python/adapter.py"`) at `--jobs 1` and `--jobs 2`,
 * in turns, in one run; prints each turn, the medians and the per-turn ratio, the load average before and after
 * (wall time depends on what else the machine runs), and whether every report was the same apart from its times.
 * Run: `npm run bench:jobs` (builds first; env NNCHECK_BENCH_RUNS turns, default 3; NNCHECK_BENCH_JOBS, default "1,2").
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitCommandLine } from "../src/protocol/splitCommandLine.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const turns = Number(process.env["NNCHECK_BENCH_RUNS"] ?? 3);
const jobsList = (process.env["NNCHECK_BENCH_JOBS"] ?? "1,2").split(",").map(Number);
const extraArgs = process.env["NNCHECK_BENCH_ARGS"] ?? "";
const extra = extraArgs.trim() === "" ? [] : splitCommandLine(extraArgs);
const bin = join(root, "dist/cli/bin.js");
if (!existsSync(bin)) {
  console.error("bench-jobs: dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), "nncheck-bench-jobs-"));

/** A report without its times, as text: what must not depend on --jobs. */
function timeless(file: string): string {
  const report = JSON.parse(readFileSync(file, "utf8")) as { durationMs: number; checks: { durationMs: number }[] };
  return JSON.stringify({ ...report, durationMs: 0, checks: report.checks.map((c) => ({ ...c, durationMs: 0 })) });
}

const load = (): string => loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`bench-jobs: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), Node ${process.version}, load average ${load()}`);
console.log(`nncheck run ${extra.join(" ")} --jobs N, ${turns} turns of ${jobsList.map((j) => `--jobs ${j}`).join(", ")}`);
const seconds = new Map<number, number[]>(jobsList.map((j) => [j, []]));
const reports = new Set<string>();
for (let turn = 0; turn < turns; turn++) {
  const line: string[] = [];
  for (const jobs of jobsList) {
    const file = join(dir, `report-${jobs}.json`);
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [bin, "run", ...extra, "--jobs", String(jobs), "--reporter", `json:${file}`], { cwd: root, encoding: "utf8" });
    const s = (performance.now() - t0) / 1000;
    if (run.status !== 0) {
      console.error(`bench-jobs: --jobs ${jobs} exited ${run.status}: ${run.stderr.slice(-2000)}`);
      process.exit(1);
    }
    seconds.get(jobs)!.push(s);
    reports.add(timeless(file));
    line.push(`--jobs ${jobs} ${s.toFixed(1)} s`);
  }
  const [first, ...rest] = jobsList.map((j) => seconds.get(j)!.at(-1)!);
  console.log(`turn ${turn + 1}: ${line.join(", ")}; ratio ${rest.map((r) => (first! / r).toFixed(2)).join(", ")}× (load ${load()})`);
}
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = jobsList.map((j) => median(seconds.get(j)!));
console.log(`median: ${jobsList.map((j, i) => `--jobs ${j} ${medians[i]!.toFixed(1)} s`).join(", ")}; --jobs 1 / --jobs ${jobsList.at(-1)}: ${(medians[0]! / medians.at(-1)!).toFixed(2)}×`);
console.log(`reports the same apart from times: ${reports.size === 1 ? "yes" : `NO (${reports.size} different)`}; load average now ${load()}`);
rmSync(dir, { recursive: true, force: true });
if (reports.size !== 1) process.exitCode = 1;
