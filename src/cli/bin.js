#!/usr/bin/env node
// The `nncheck` command: registers tsx so that Node 20 can load the TypeScript sources, then runs the CLI.
import { register } from "tsx/esm/api";

register();
// A closed pipe downstream (`nncheck list | head`) ends the output, not the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
