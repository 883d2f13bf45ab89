/**
 * The CLI the specs spawn is the one the package ships: `node src/cli/bin.js`, which runs the compiled dist/ (a
 * spawn from the sources through tsx costs ~1 s more CPU, and the suite spawns the CLI dozens of times). dist/ is
 * rebuilt first when any build input changed after it (a fresh clone's `npm ci` builds it through `prepare`), so
 * the spawned CLI is always the sources' own.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Whether dist/ was built after every input of the build last changed. */
export function distIsFresh(root = ROOT): boolean {
  const built = join(root, "dist/index.js");
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  const inputs = ["package.json", "tsconfig.json", "tsconfig.build.json", ...readdirSync(join(root, "src"), { recursive: true }).map((f) => join("src", String(f)))];
  return inputs.every((f) => statSync(join(root, f)).mtimeMs < builtAt);
}

/**
 * Builds dist/ as `npm run build` does (a clean tsc -p tsconfig.build.json) unless it is fresh. Type errors alone do
 * not stop the suite (tsc still emits, and `npm test`'s type-check reports them); throws, with tsc's output, when
 * no fresh dist/ came out of it.
 */
export function ensureBuilt(root = ROOT): void {
  if (distIsFresh(root)) return;
  process.stderr.write("nncheck specs: dist/ is older than the sources; building it (npm run build) for the spawned CLI\n");
  rmSync(join(root, "dist"), { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (tsc.status === 0) return;
  const output = `${tsc.stdout}${tsc.stderr}${tsc.error ? String(tsc.error) : ""}`;
  if (!distIsFresh(root)) throw new Error(`npm run build (tsc -p tsconfig.build.json) did not produce dist/, so the CLI cannot be spawned:\n${output}`);
  process.stderr.write(`nncheck specs: dist/ was built with type errors (the spawned CLI runs it; the type-check reports them):\n${output}`);
}
