#!/usr/bin/env node
// The `nncheck` command, compiled to dist/cli/bin.js (which the bin, src/cli/bin.js, loads); from the sources: `node --import tsx/esm
// src/cli/bin.ts`. tsx is loaded only to import a user's TypeScript module (--module my.ts), never for the CLI.
import { main } from "./main.ts";

// A closed pipe downstream (`nncheck list | head`) ends the output, not the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await main(process.argv.slice(2));
