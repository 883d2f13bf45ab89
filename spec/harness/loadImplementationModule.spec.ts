/**
 * --module loads a module the way its author wrote it: .mjs, .cjs, .ts, .mts, .cts, and a .js in ESM or CommonJS
 * syntax under a package.json that says "module", "commonjs" or nothing; a syntax or load error names
 * file:line:column. Each module lives in a temporary directory with its own package.json (outside the repo's). The
 * modules are written first, then loaded in one plain Node process (vitest's loader is not Node's), and each test
 * reads its module's outcome.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = mkdtempSync(join(tmpdir(), "nncheck-modules-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let count = 0;
/** Writes `files` into a fresh directory whose package.json has `type` (none when undefined); returns its path. */
function project(type: string | undefined, files: Record<string, string>): string {
  const dir = join(root, `p${count++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify(type === undefined ? { name: "user" } : { name: "user", type }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A hello naming `name`, in each syntax. */
const helloOf = (name: string) => `{ async hello() { return { protocol: 1, name: "${name}", dtype: "float64", methods: [], activations: [] }; } }`;
const esm = (name: string) => `const unused = 1;\nexport default ${helloOf(name)};\n`;
const cjs = (name: string) => `const unused = 1;\nmodule.exports = ${helloOf(name)};\n`;
const typed = (name: string) => `const unused: number = 1;\nexport default ${helloOf(name)};\n`;
const typedCjs = (name: string) => `const unused: number = 1;\nmodule.exports = ${helloOf(name)};\n`;

const LOADER = fileURLToPath(new URL("./fakes/loadModules.ts", import.meta.url));
const outcomes = new Map<string, { name?: string; error?: string }>();
const queued: string[] = [];
/** `path`'s outcome, read in a test (the module was queued when the file was collected). */
const queue = (path: string) => (queued.push(path), path);

beforeAll(async () => {
  const child = spawn(process.execPath, ["--import", "tsx", LOADER, ...queued], { stdio: ["ignore", "pipe", "pipe"] });
  const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`loadModules.ts exited ${code}: ${err}`);
  for (const line of out.split("\n").filter((l) => l !== "")) {
    const { file, ...outcome } = JSON.parse(line) as { file: string; name?: string; error?: string };
    outcomes.set(file, outcome);
  }
});

function helloName(path: string): string | undefined {
  const outcome = outcomes.get(path);
  expect(outcome?.error, path).toBeUndefined();
  return outcome?.name;
}

function loadError(path: string): string {
  const outcome = outcomes.get(path);
  expect(outcome?.error, `${path} loaded`).toBeTypeOf("string");
  return outcome!.error!;
}

describe("loadImplementationModule: every way a user writes a module", () => {
  for (const type of ["module", "commonjs", undefined]) {
    const dir = project(type, {
      "esm.js": esm("esm.js"), "cjs.js": cjs("cjs.js"), "n.mjs": esm("n.mjs"), "d.cjs": cjs("d.cjs"),
      "t.ts": typed("t.ts"), "m.mts": typed("m.mts"), "c.cts": typedCjs("c.cts"),
    });
    const names = ["esm.js", "cjs.js", "n.mjs", "d.cjs", "t.ts", "m.mts", "c.cts"];
    for (const name of names) queue(join(dir, name));
    it(`under package.json ${type === undefined ? "without a type" : `"type": "${type}"`}: .js in ESM and in CommonJS syntax, .mjs, .cjs, .ts, .mts, .cts`, () => {
      for (const name of names) expect(helloName(join(dir, name))).toBe(name);
    });
  }

  const requiring = queue(join(project("module", { "net.js": `const { name } = require("./name.cjs");\nmodule.exports = ${helloOf("x").replace('"x"', "name")};\n`, "name.cjs": 'exports.name = "from name.cjs";\n' }), "net.js"));
  it("a CommonJS .js in a \"type\": \"module\" package can require() its neighbours", () => {
    expect(helloName(requiring)).toBe("from name.cjs");
  });

  const importing = queue(join(project("commonjs", { "net.js": `import { name } from "./name.mjs";\nexport default ${helloOf("x").replace('"x"', "name")};\n`, "name.mjs": 'export const name = "from name.mjs";\n' }), "net.js"));
  it("an ESM .js in a CommonJS package can import its neighbours", () => {
    expect(helloName(importing)).toBe("from name.mjs");
  });
});

describe("loadImplementationModule: a syntax or load error names file:line:column and the message", () => {
  const broken = "export default {\n  async hello() { return 1 +; } };\n"; // the ";" is line 2, column 29
  const brokenCjs = "module.exports = {\n  async hello() { return 1 +; } };\n";
  const cases: [string, string | undefined, string][] = [
    ["bad.js", "module", broken], ["bad.js", "commonjs", broken], ["bad.js", "module", brokenCjs], ["bad.js", "commonjs", brokenCjs],
    ["bad.mjs", undefined, broken], ["bad.cjs", undefined, brokenCjs], ["bad.ts", "module", broken], ["bad.ts", "commonjs", broken], ["bad.cts", undefined, brokenCjs],
  ];
  for (const [name, type, text] of cases) {
    const path = queue(join(project(type, { [name]: text }), name));
    it(`${name} (${text === broken ? "ESM" : "CommonJS"} syntax, package type ${type ?? "unset"})`, () => {
      const message = loadError(path);
      expect(message).toMatch(new RegExp(`^--module ${path}: cannot load it: ${path}:2:29: SyntaxError: Unexpected (token )?["']?;["']?$`));
    });
  }

  for (const [name, type] of [["throws.js", "module"], ["throws.js", "commonjs"], ["throws.ts", "module"], ["throws.mjs", undefined]] as const) {
    const path = queue(join(project(type, { [name]: 'const a = 1;\nthrow new Error("top-level boom");\n' }), name));
    it(`${name} (package type ${type ?? "unset"}) throwing at its top level: where it threw`, () => {
      expect(loadError(path)).toBe(`--module ${path}: cannot load it: ${path}:2:7: Error: top-level boom`);
    });
  }

  const dir = project("module", { "net.mjs": 'import { nope } from "./other.mjs";\nexport default {};\n', "other.mjs": "export const yes = 1;\n" });
  queue(join(dir, "net.mjs"));
  it("an import of a name the other module does not export: where the import is", () => {
    expect(loadError(join(dir, "net.mjs"))).toMatch(new RegExp(`cannot load it: ${join(dir, "net.mjs")}:1:10: SyntaxError: The requested module './other.mjs' does not provide an export named 'nope'`));
  });
});
