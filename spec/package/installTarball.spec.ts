/**
 * The package as a user gets it: `npm pack` (which builds dist/), the tarball installed into a new project outside
 * the repo (offline-friendly: --prefer-offline takes what `npm ci` put in npm's cache), and there `npx nncheck
 * --help`, then through the same bin link (node_modules/.bin/nncheck) `--version`, `run --only …`, `--module` with a .js (an unmodified copy of examples/js/network.js, in a
 * "type": "commonjs" project as `npm init -y` writes), a .cjs and a .ts importing "nncheck", and a .mjs and a .ts
 * file using the library (type-checked by tsc against the package's .d.ts, as `tsc --init` sets a project up),
 * and the README's nncheck/vitest example in the project's own vitest.
 * Every process it starts runs in its own process group, killed when the spec ends, passes or fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { REPO_ROOT } from "../cli/runCli.ts";
import { distIsFresh } from "../support/builtCli.ts";

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
const project = mkdtempSync(join(tmpdir(), "nncheck-install-"));
const running = new Set<ChildProcess>();

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command args` in `cwd` in its own process group; the group is killed after `limitMs` or when the spec ends. */
function run(command: string, args: readonly string[], cwd = project, limitMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
    running.add(child);
    const timer = setTimeout(() => killGroup(child), limitMs);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      killGroup(child); // whatever it left behind
      running.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

const npx = (...args: string[]) => run("npx", ["--no-install", ...args]);
/** The bin link npx resolves (node_modules/.bin/nncheck), run directly: npx itself costs ~0.4 s of CPU a launch. */
const nncheck = (...args: string[]) => run(join(project, "node_modules/.bin/nncheck"), args);
const ok = (r: Run, what: string) => expect(r.code, `${what}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);

interface Report {
  readonly implementation: { readonly name: string };
  readonly checks: readonly { readonly id: string; readonly status: string }[];
}
const statuses = (r: Run) => Object.fromEntries((JSON.parse(r.stdout) as Report).checks.map((c) => [c.id, c.status]));
// one check of each kind that reads the installed package: the oracle, a fixture file, an audit (ReLU's: the
// logistic audit's 1,500 exact exponentials would cost each of these six fresh processes another 0.5 s of CPU)
const FEW = ["--only", "oracle/gradients/3-3-1", "--only", "fixture/worked-example/forward", "--only", "activation/relu/audit", "--runs", "5", "--reporter", "json"];
const FEW_PASSED = { "oracle/gradients/3-3-1": "passed", "fixture/worked-example/forward": "passed", "activation/relu/audit": "passed" };

beforeAll(async () => {
  // With a stale dist/, `npm pack` builds it (prepare → npm run build), as it does for a user; a fresh one (the
  // suite's global setup builds it) need not be built again (12 s of CPU) to pack the same files.
  const pack = await run("npm", ["pack", "--pack-destination", project, "--json", ...(distIsFresh() ? ["--ignore-scripts"] : [])], REPO_ROOT, 240_000);
  ok(pack, "npm pack");
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"))!;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", type: "commonjs", private: true }));
  // vitest (the version nncheck is tested with) for nncheck/vitest: the user's own, as a peer dependency.
  const vitest = `vitest@${(JSON.parse(readFileSync(join(REPO_ROOT, "node_modules/vitest/package.json"), "utf8")) as { version: string }).version}`;
  const install = await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`, vitest], project, 240_000);
  ok(install, "npm install of the tarball");

  copyFileSync(join(REPO_ROOT, "examples/js/network.js"), join(project, "network.js"));
  writeFileSync(join(project, "network.cjs"), readFileSync(join(REPO_ROOT, "examples/js/network.js"), "utf8").replace("export default {", "module.exports = {"));
  writeFileSync(join(project, "wrapped.ts"), [
    'import { reference, type Implementation } from "nncheck";',
    "const wrapped: Implementation = { ...reference, hello: async () => ({ ...(await reference.hello()), name: \"reference, wrapped in TypeScript\" }) };",
    "export default wrapped;",
  ].join("\n"));
  writeFileSync(join(project, "use.mjs"), [
    'import { allChecks, reference, runChecks, selectChecks } from "nncheck";',
    'import { spawnImplementation } from "nncheck/protocol";',
    'const checks = selectChecks(allChecks(), { only: ["oracle/gradients/3-3-1"], skip: [] });',
    'const report = await runChecks({ implementation: reference, checks, seed: 1, runs: 5, replayPrefix: "" });',
    'console.log(JSON.stringify({ summary: report.summary, spawn: typeof spawnImplementation }));',
  ].join("\n"));
  writeFileSync(join(project, "use.mts"), [ // .mts: top-level await, in this CommonJS project
    'import { createOracle, reference, seedNetwork, type GradientsResult, type Params } from "nncheck";',
    "const params: Params = [{ W: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]], b: [0, 0, 0] }, { W: [[1, -1, 1]], b: [0] }];",
    "const request = { network: seedNetwork, params, inputs: [[0.5, 0.25, 1]], targets: [[1]] };",
    "const result: GradientsResult = await reference.gradients(request);",
    "const exact = createOracle().gradients(request.network, request.params, request.inputs, request.targets);",
    "console.log(JSON.stringify({ cost: result.cost, exactCost: Number(exact.cost) }));",
  ].join("\n"));
  // A resolve hook that writes down every module the process loads through import (for the start-up test).
  writeFileSync(join(project, "record-hooks.mjs"), 'import { appendFileSync } from "node:fs";\nexport async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  appendFileSync(process.env.NNCHECK_MODULES_OUT, resolved.url + "\\n");\n  return resolved;\n}\n');
  writeFileSync(join(project, "record.mjs"), 'import { register } from "node:module";\nregister("./record-hooks.mjs", import.meta.url);\n');
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ["use.mts", "wrapped.ts"] }));
}, 480_000);

afterAll(() => {
  for (const child of running) killGroup(child);
  rmSync(project, { recursive: true, force: true });
});

describe("the packed tarball, installed into a new project", () => {
  it("ships dist, fixtures, docs, the JS and Python examples and the README, not spec/, .ci/ or tarballs", () => {
    const root = join(project, "node_modules/nncheck");
    const shipped = readdirSync(root).sort();
    expect(shipped).toEqual(["README.md", "dist", "docs", "examples", "fixtures", "package.json", "src"]);
    expect(readdirSync(root, { recursive: true }).filter((f) => /\.tgz$|__pycache__|^spec|^\.ci/.test(String(f)))).toEqual([]);
    expect(readdirSync(join(root, "src"), { recursive: true })).toEqual(["cli", join("cli", "bin.js")]);
    expect(readdirSync(join(root, "examples")).sort()).toEqual(["js", "python"]);
    expect(readdirSync(join(root, "dist"))).toContain("index.d.ts");
  });

  it("npx nncheck --help; --version and -v through the bin link npx runs", async () => {
    const [help, version, v] = await Promise.all([npx("nncheck", "--help"), nncheck("--version"), nncheck("-v")]);
    ok(help, "--help");
    expect(help.stdout).toContain("Usage: nncheck <command> [options]");
    ok(version, "--version");
    expect(version.stdout.trim()).toBe(VERSION);
    expect(v.stdout.trim()).toBe(VERSION);
  });

  it("nncheck run --only <a few ids> on the reference (fixtures read from the installed package), on the main thread and in 2 worker threads", async () => {
    const [one, two, twoTs] = await Promise.all([nncheck("run", "--jobs", "1", ...FEW), nncheck("run", "--jobs", "2", ...FEW), nncheck("run", "--jobs", "2", "--module", "wrapped.ts", ...FEW)]);
    ok(one, "run --only --jobs 1");
    ok(two, "run --only --jobs 2");
    ok(twoTs, "run --only --jobs 2 --module wrapped.ts (each worker loads the .ts module through tsx)");
    expect(statuses(one)).toEqual(FEW_PASSED);
    expect(statuses(two)).toEqual(FEW_PASSED);
    expect(statuses(twoTs)).toEqual(FEW_PASSED);
  });

  it("--module network.js (examples/js unmodified, ESM syntax in a \"type\": \"commonjs\" project), network.cjs and wrapped.ts importing \"nncheck\"", async () => {
    const [js, cjs, ts] = await Promise.all([nncheck("run", "--module", "network.js", ...FEW), nncheck("run", "--module", "network.cjs", ...FEW), nncheck("run", "--module", "wrapped.ts", ...FEW)]);
    for (const [r, what] of [[js, "network.js"], [cjs, "network.cjs"], [ts, "wrapped.ts"]] as const) {
      ok(r, `--module ${what}`);
      expect(statuses(r), what).toEqual(FEW_PASSED);
    }
    expect((JSON.parse(ts.stdout) as Report).implementation.name).toBe("reference, wrapped in TypeScript");
  });

  it("start-up: --help imports none of the library, list neither tsx nor ajv's compiler", async () => {
    const record = async (name: string, args: string[]) => {
      const file = join(project, `modules-${name}.txt`);
      const r = await new Promise<Run>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "./record.mjs", "node_modules/nncheck/src/cli/bin.js", ...args], { cwd: project, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NNCHECK_MODULES_OUT: file } });
        running.add(child);
        let stdout = "";
        let stderr = "";
        child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const timer = setTimeout(() => killGroup(child), 60_000);
        child.on("error", reject);
        child.on("close", (code) => (clearTimeout(timer), killGroup(child), running.delete(child), resolve({ code, stdout, stderr })));
      });
      ok(r, `nncheck ${args.join(" ")}`);
      return readFileSync(file, "utf8").split("\n").filter((l) => l.includes("/node_modules/"));
    };
    const [help, list] = await Promise.all([record("help", ["--help"]), record("list", ["list"])]);
    const packages = (urls: string[]) => [...new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)![1]!))].sort();
    expect(packages(help)).toEqual(["nncheck"]);
    expect(help.filter((u) => u.includes("/nncheck/dist/")).map((u) => u.replace(/.*\/nncheck\/dist\//, "")).sort()).toEqual(["cli/bin.js", "cli/command.js", "cli/main.js", "data/FontDataError.js", "harness/version.js"]);
    expect(packages(list)).not.toContain("tsx");
    expect(list.filter((u) => /\/ajv\/dist\/(?!runtime\/)/.test(u))).toEqual([]);
  });

  it("the README's vitest example, as written there, passes in the project's own vitest run", async () => {
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    const example = /```ts\n(\/\/ conformance\.test\.ts[^\n]*\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(example, "README.md has a ```ts block starting // conformance.test.ts").toBeDefined();
    writeFileSync(join(project, "conformance.test.ts"), example!);
    // Every check is registered as a test; a few of them run here (-t), one of each kind — the whole suite through
    // the same describeConformance is spec/vitest/describeConformance.spec.ts's job, and would cost this spec ~10 s.
    const picked = ["fixture/worked-example/forward", "oracle/gradients/3-3-1", "fd/full/3-3-1", "property/relu/idempotent", "activation/relu/audit"];
    const pattern = `^nncheck conformance (${picked.map((id) => id.replace(/[/.*+?^${}()|[\]\\-]/g, "\\$&")).join("|")})$`;
    const r = await npx("vitest", "run", "conformance.test.ts", "-t", pattern, "--reporter=json", "--outputFile=vitest.json");
    ok(r, "vitest run conformance.test.ts");
    const report = JSON.parse(readFileSync(join(project, "vitest.json"), "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; testResults: { assertionResults: { title: string; status: string }[] }[] };
    const checks = allChecks().length; // one vitest test per check
    expect(report).toMatchObject({ numFailedTests: 0, numTotalTests: checks, numPassedTests: picked.length });
    const ran = report.testResults.flatMap((f) => f.assertionResults).filter((t) => t.status === "passed").map((t) => t.title).sort();
    expect(ran).toEqual([...picked].sort());
  });

  it("a .mjs file importing the library (and nncheck/protocol) runs a check", async () => {
    const r = await run(process.execPath, ["use.mjs"]);
    ok(r, "node use.mjs");
    expect(JSON.parse(r.stdout)).toMatchObject({ summary: { passed: 1, failed: 0, errored: 0 }, spawn: "function" });
  });

  it("a .mts file importing the library type-checks against the package's .d.ts and runs (tsx)", async () => {
    const [tsc, tsx] = await Promise.all([
      run(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"]),
      run(process.execPath, ["--import", "tsx/esm", "use.mts"]),
    ]);
    ok(tsc, "tsc -p tsconfig.json");
    ok(tsx, "node --import tsx/esm use.mts");
    const { cost, exactCost } = JSON.parse(tsx.stdout) as { cost: number; exactCost: number };
    expect(Math.abs(cost - exactCost)).toBeLessThanOrEqual(1e-15 * exactCost);
  });
});
