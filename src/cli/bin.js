#!/usr/bin/env node
// The `nncheck` command: registers tsx so that Node 20 can load the TypeScript sources, then runs the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
