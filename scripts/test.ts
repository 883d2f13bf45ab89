// `npm test`: the type-check (tsc --noEmit) and the whole vitest suite, side by side rather than one after the
// other (tsc is one thread for ~10 s; the suite's last files leave a core idle). Arguments go to vitest
// (npm test -- spec/oracle). vitest's output streams as it comes; tsc's is printed when it ends. Exits non-zero
// when either fails, naming which; Ctrl-C or SIGTERM stops both.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = (pkg: string) => fileURLToPath(new URL(`../node_modules/${pkg}`, import.meta.url));

const children: ChildProcess[] = [];
function run(args: readonly string[], inherit: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: inherit ? "inherit" : ["ignore", "pipe", "pipe"] });
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ code: 1, output: `${output}${String(error)}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), output }));
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill("SIGTERM");
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

const [tsc, vitest] = await Promise.all([
  run([bin("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], false),
  run([bin("vitest/vitest.mjs"), "run", ...process.argv.slice(2)], true),
]);
if (tsc.code !== 0) process.stderr.write(`\nnpm test: the type-check failed (tsc --noEmit):\n${tsc.output}`);
else process.stdout.write("npm test: the type-check passed (tsc --noEmit)\n");
if (vitest.code !== 0) process.stderr.write(`npm test: the test suite failed (vitest exited ${vitest.code})\n`);
process.exitCode = tsc.code !== 0 || vitest.code !== 0 ? 1 : 0;
