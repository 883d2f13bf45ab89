import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import { METHODS, type Implementation } from "../implementation.ts";
import { RunSetupError } from "./RunSetupError.ts";

/**
 * The implementation that the module `file` (`.js`, `.mjs`, or `.ts` loaded through tsx) exports by default: an object with `hello()` and the methods its hello lists. A method it leaves
 * out answers "unsupported". A missing file, a module that fails to load, a default export without `hello`, or
 * a hello listing a method the export does not have is a `RunSetupError`.
 */
export async function loadImplementationModule(file: string): Promise<Implementation> {
  const path = resolve(file);
  if (!existsSync(path)) throw new RunSetupError(`--module ${file}: no such file (${path})`);
  let module: Record<string, unknown>;
  try {
    // tsx compiles TypeScript whatever the package's module type (a .ts file outside "type": "module" is CommonJS).
    module = (/\.[cm]?ts$/.test(path) ? await tsImport(pathToFileURL(path).href, import.meta.url) : await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    throw new RunSetupError(`--module ${file}: cannot load it: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
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
