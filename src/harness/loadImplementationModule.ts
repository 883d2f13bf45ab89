import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileFunction } from "node:vm";
import { METHODS, type Implementation } from "../implementation.ts";
import { RunSetupError } from "./RunSetupError.ts";

/**
 * The implementation that the module `file` exports by default: an object with `hello()` and the methods its hello
 * lists. A method it leaves out answers "unsupported". `.mjs` and `.cjs` load as Node loads them; `.ts`, `.mts` and
 * `.cts` through tsx (imported only then); a `.js` in ESM or CommonJS syntax whatever the nearest package.json says.
 * A missing file, a module that fails to load (the error located at file:line:column where it can be), a default
 * export without `hello`, or a hello listing a method the export does not have is a `RunSetupError`.
 */
export async function loadImplementationModule(file: string): Promise<Implementation> {
  const path = resolve(file);
  if (!existsSync(path)) throw new RunSetupError(`--module ${file}: no such file (${path})`);
  let module: Record<string, unknown>;
  try {
    module = await importModule(path);
  } catch (error) {
    throw new RunSetupError(`--module ${file}: cannot load it: ${describeLoadError(error, path)}`);
  }
  const exported = commonJsDefault(module.default);
  const expected = `expected a default export implementing nncheck's Implementation: an object with async methods hello(), ${METHODS.join("(), ")}()`;
  if (typeof exported !== "object" || exported === null) {
    const what = exported === undefined ? "has no default export" : `exports by default ${typeof exported === "function" ? "a function" : JSON.stringify(exported)}`;
    throw new RunSetupError(`--module ${file} ${what}; ${expected}`);
  }
  const methods = exported as Record<string, unknown>;
  if (typeof methods.hello !== "function") throw new RunSetupError(`--module ${file}: its default export has no hello() method; ${expected}`);
  const unsupported = (method: string) => async (): Promise<never> => {
    throw Object.assign(new Error(`the module ${file} has no ${method}() method`), { code: "unsupported" });
  };
  await requireListedMethods(file, methods);
  const bound = Object.fromEntries(METHODS.map((m) => [m, typeof methods[m] === "function" ? (methods[m] as () => unknown).bind(exported) : unsupported(m)]));
  const close = typeof methods.close === "function" ? (methods.close as () => Promise<void>).bind(exported) : undefined;
  return { ...(bound as unknown as Implementation), hello: (methods.hello as Implementation["hello"]).bind(exported), ...(close ? { close } : {}) };
}


/** Calls the module's hello and throws a `RunSetupError` if it lists a method the export does not have. */
async function requireListedMethods(file: string, methods: Record<string, unknown>): Promise<void> {
  let hello: unknown;
  try {
    hello = await (methods.hello as () => unknown).call(methods);
  } catch {
    return; // the run says hello again and reports the failure as a startup error
  }
  const listed = (hello as { methods?: unknown } | null)?.methods;
  if (!Array.isArray(listed)) return;
  const missing = listed.filter((m) => (METHODS as readonly unknown[]).includes(m) && typeof methods[m as string] !== "function");
  if (missing.length > 0) {
    throw new RunSetupError(`--module ${file}: its hello lists ${missing.map((m) => `"${String(m)}"`).join(", ")} but its default export has no such method`);
  }
}

/** A TypeScript module compiled to CommonJS arrives as `{ default: { default: … } }`: take the inner default. */
function commonJsDefault(exported: unknown): unknown {
  if (typeof exported !== "object" || exported === null || "hello" in exported) return exported;
  const inner = (exported as { default?: unknown }).default;
  return typeof inner === "object" && inner !== null ? inner : exported;
}

/** The module at `path`, by its extension (and, for `.js`, its syntax and the nearest package.json). */
async function importModule(path: string): Promise<Record<string, unknown>> {
  if (/\.[cm]?ts$/.test(path)) return tsImport(path); // tsx compiles TypeScript whatever the package's module type
  if (!path.endsWith(".js")) return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const source = readFileSync(path, "utf8");
  const esmSyntax = /^\s*(import\s*[\w*{"']|export\s)/m.test(source);
  // ESM syntax where Node would take the .js for CommonJS: tsx compiles it (Node itself would fail, or warn).
  if (esmSyntax && packageType(path) !== "module") return tsImport(path);
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    // CommonJS syntax (module.exports, require) in a "type": "module" package: run it as CommonJS.
    if (error instanceof ReferenceError && /^(module|exports|require) is not defined in ES module scope/.test(error.message)) return loadAsCommonJs(path, source);
    throw error;
  }
}

async function tsImport(path: string): Promise<Record<string, unknown>> {
  const tsx = await import("tsx/esm/api");
  return (await tsx.tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
}

/** The "type" of the package.json nearest to `path` ("commonjs" when none says). */
function packageType(path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: string }).type ?? "commonjs";
      } catch {
        return "commonjs"; // Node fails on a broken package.json itself, with its own message
      }
    }
    if (dirname(dir) === dir) return "commonjs";
  }
}

/** `source` run as a CommonJS module at `path` (what Node does for a .js in a CommonJS package). */
function loadAsCommonJs(path: string, source: string): Record<string, unknown> {
  const module = { exports: {} as unknown };
  const body = source.startsWith("#!") ? `//${source.slice(2)}` : source;
  const wrapper = compileFunction(body, ["exports", "require", "module", "__filename", "__dirname"], { filename: path });
  wrapper.call(module.exports, module.exports, createRequire(path), module, path, dirname(path));
  return { default: module.exports };
}

/** `file:line:column: Name: message` for a load error, located in the user's code where the error says where. */
function describeLoadError(error: unknown, path: string): string {
  if (!(error instanceof Error)) return String(error);
  const firstLine = error.message.split("\n")[0] ?? "";
  // esbuild (through tsx): "Transform failed with 1 error:\n/path/x.ts:2:37: ERROR: Unexpected ";"" (column from 0).
  const esbuild = /^(.+?):(\d+):(\d+): ERROR: (.*)$/m.exec(error.message);
  // (tsx names a .cts or .mts file by another extension there: then it is the module's own.)
  if (esbuild) return `${existsSync(esbuild[1]!) ? esbuild[1] : path}:${esbuild[2]}:${Number(esbuild[3]) + 1}: SyntaxError: ${esbuild[4]}`;
  const what = `${error.name}: ${firstLine}`;
  // V8's header on a syntax error: "/path/x.js:3\n<the line>\n    ^^^^\n".
  const header = sourceHeader(error.stack ?? "");
  if (header) return `${header}: ${what}`;
  // An error thrown while the module ran: its first stack frame outside node and nncheck.
  const frame = userFrame(error.stack ?? "");
  if (frame) return `${frame}: ${what}`;
  // Node's ESM loader says neither file nor line for a syntax error: `node --check` does.
  if (error instanceof SyntaxError && /\.[cm]?js$/.test(path)) {
    const check = spawnSync(process.execPath, ["--check", path], { encoding: "utf8", timeout: 10_000 });
    const checked = sourceHeader(check.stderr ?? "");
    if (checked) return `${checked}: ${what}`;
  }
  return `${path}: ${what}`;
}

function sourceHeader(text: string): string | undefined {
  const match = /^(?:file:\/\/)?([^\n]+?):(\d+)\n([^\n]*)\n( *)\^/m.exec(text);
  if (!match) return undefined;
  return `${cleanPath(match[1]!)}:${match[2]}:${match[4]!.length + 1}`;
}

const NNCHECK_ROOT = fileURLToPath(new URL("../../", import.meta.url));

function userFrame(stack: string): string | undefined {
  for (const match of stack.matchAll(/^\s+at (?:.*\()?((?:file:\/\/)?\/[^\s()]+?):(\d+):(\d+)\)?$/gm)) {
    const file = cleanPath(match[1]!);
    if (file.includes("/node_modules/")) continue;
    if (!file.startsWith(NNCHECK_ROOT) || file.includes("/examples/") || file.includes("/spec/")) return `${file}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/** A path from a stack, without `file://` and tsx's `?tsx-namespace=…` query. */
function cleanPath(location: string): string {
  const bare = location.replace(/\?[^/]*$/, "");
  return bare.startsWith("file://") ? fileURLToPath(bare) : bare;
}
