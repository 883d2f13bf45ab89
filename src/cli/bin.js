#!/usr/bin/env node
// The `nncheck` command: the compiled CLI in dist/ (built from src/cli/bin.ts by `npm run build`, which `npm ci`
// and `npm pack` run). This launcher stays at the path the bin has always had, so that npx's cached links to it
// keep working; it loads no TypeScript (tsx only ever loads a user's .ts module).
try {
  await import("../../dist/cli/bin.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("/dist/cli/bin.js")) throw error;
  process.stderr.write("nncheck: dist/ is missing (the compiled CLI): run `npm run build` in nncheck's directory\n");
  process.exitCode = 2;
}
