/**
 * Start-up benchmark: the CPU time of `nncheck --help`, `nncheck list` and `nncheck --version` (the compiled CLI,
 * dist/cli/bin.js, as installed) measured side by side with bare `node -e 0`, in turns, in one run; then, for
 * comparison, the CLI run from its TypeScript sources through tsx, and how much of `list` is loading the fixtures.
 * Each process reports its own CPU time (user + system, from start to exit) through a preloaded module, so the
 * figures do not depend on the machine's load the way wall time does.
 * Run: `npx tsx scripts/bench-startup.ts` (after `npm run build`; env NNCHECK_BENCH_RUNS to vary, default 15).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const runs = Number(process.env["NNCHECK_BENCH_RUNS"] ?? 15);
const bin = join(root, "dist/cli/bin.js");
if (!existsSync(bin)) {
  console.error("bench-startup: dist/ is missing: run `npm run build` first");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "nncheck-startup-"));
const out = join(dir, "cpu.txt");
const probe = join(dir, "probe.mjs");
// Appends this process's whole CPU time, in ms, to the file the parent names, as the process exits.
writeFileSync(probe, `import { appendFileSync } from "node:fs";
process.on("exit", () => { const u = process.cpuUsage(); appendFileSync(process.env.NNCHECK_CPU_OUT, String((u.user + u.system) / 1000) + "\\n"); });\n`);

interface Contender {
  readonly name: string;
  readonly args: readonly string[];
  readonly ms: number[];
}
const contender = (name: string, args: readonly string[]): Contender => ({ name, args, ms: [] });
const bare = contender("node -e 0", ["-e", "0"]);
const help = contender("nncheck --help", [bin, "--help"]);
const list = contender("nncheck list", [bin, "list"]);
const version = contender("nncheck --version", [bin, "--version"]);
const sourcesHelp = contender("sources --help (tsx)", ["--import", "tsx/esm", join(root, "src/cli/bin.ts"), "--help"]);
const sourcesList = contender("sources list (tsx)", ["--import", "tsx/esm", join(root, "src/cli/bin.ts"), "list"]);
const contenders = [bare, help, list, version, sourcesHelp, sourcesList];

function cpuOf(args: readonly string[]): number {
  rmSync(out, { force: true });
  const run = spawnSync(process.execPath, ["--import", pathToFileURL(probe).href, ...args], { cwd: root, env: { ...process.env, NNCHECK_CPU_OUT: out }, stdio: ["ignore", "ignore", "pipe"] });
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.toString()}`);
  return Number(readFileSync(out, "utf8").trim());
}

/** The CPU ms of loading and validating every fixture, in a fresh process, after importing the fixtures module. */
function fixtureLoadMs(): number {
  const script = `const f = await import(${JSON.stringify(pathToFileURL(join(root, "dist/fixtures/index.js")).href)});
const t = process.cpuUsage(); for (const k of f.FIXTURE_KINDS) f.loadFixture(k); const u = process.cpuUsage(t); console.log((u.user + u.system) / 1000);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`loading the fixtures failed: ${run.stderr}`);
  return Number(run.stdout.trim());
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

for (const c of contenders) cpuOf(c.args); // warm the file cache
const fixtures: number[] = [];
for (let r = 0; r < runs; r++) {
  for (const c of contenders) c.ms.push(cpuOf(c.args));
  fixtures.push(fixtureLoadMs());
}
rmSync(dir, { recursive: true, force: true });

const above = (c: Contender) => median(c.ms.map((ms, r) => ms - bare.ms[r]!));
console.log(`start-up CPU time (user + system, whole process), median of ${runs} runs in turns, Node ${process.version}`);
for (const c of contenders) {
  const extra = c === bare ? "" : `  ${(above(c) / 1000).toFixed(3)} s above bare Node`;
  console.log(`${c.name.padEnd(22)} ${(median(c.ms) / 1000).toFixed(3)} s${extra}`);
}
console.log(`goal: nncheck --help within 0.15 s of bare Node: ${above(help) <= 150 ? "met" : "NOT met"} (${(above(help) / 1000).toFixed(3)} s)`);
console.log(`goal: nncheck list within 0.3 s of bare Node: ${above(list) <= 300 ? "met" : "NOT met"} (${(above(list) / 1000).toFixed(3)} s)`);
console.log(`of \`list\`, loading and validating the three fixtures: ${(median(fixtures) / 1000).toFixed(3)} s (what loading them lazily saves)`);
console.log(`ratio sources (tsx) / compiled: --help ${(median(sourcesHelp.ms) / median(help.ms)).toFixed(2)}×, list ${(median(sourcesList.ms) / median(list.ms)).toFixed(2)}×`);
