// `npm start`: the conformance suite on nncheck's own reference, then on the Python example adapter when python3
// and numpy are available (it says so when they are not). Exits non-zero if either run fails.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { shellCommand } from "../src/harness/shellQuote.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = ["--import", "tsx/esm", fileURLToPath(new URL("../src/cli/bin.ts", import.meta.url))]; // the CLI from the sources
const extra = process.argv.slice(2); // e.g. npm start -- --seed 7

function run(title: string, args: readonly string[]): number {
  process.stdout.write(`\n=== ${title}: nncheck ${shellCommand(args)}\n\n`);
  const result = spawnSync(process.execPath, [...bin, ...args], { cwd: root, stdio: "inherit" });
  return result.status ?? 1;
}

const codes = [run("the built-in reference", ["run", ...extra])];
const numpy = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
if (numpy.error === undefined && numpy.status === 0) {
  codes.push(run("the Python example adapter", ["run", "--impl", "python3 examples/python/adapter.py", ...extra]));
} else {
  const why = numpy.error !== undefined ? "python3 was not found" : "numpy is not installed for python3";
  process.stdout.write(`\n=== the Python example adapter: skipped (${why})\n`);
}
process.exitCode = codes.find((code) => code !== 0) ?? 0;
