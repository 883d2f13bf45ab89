import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { distIsFresh } from "./builtCli.ts";

const root = mkdtempSync(join(tmpdir(), "nncheck-built-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` under the fake repository with its modification time `seconds` after the epoch. */
const at = (file: string, seconds: number) => {
  mkdirSync(join(root, file, ".."), { recursive: true });
  writeFileSync(join(root, file), "");
  utimesSync(join(root, file), seconds, seconds);
};

describe("the suite's dist/ freshness (whether the spawned CLI runs the sources' own code)", () => {
  it("is stale without dist/, fresh when built after every input, stale again when any input changes later", () => {
    for (const f of ["package.json", "tsconfig.json", "tsconfig.build.json", "src/index.ts", "src/cli/main.ts"]) at(f, 1000);
    utimesSync(join(root, "src/cli"), 1000, 1000); // a directory of src/ counts too (a file added or removed there)
    expect(distIsFresh(root)).toBe(false); // never built
    at("dist/index.js", 2000);
    expect(distIsFresh(root)).toBe(true);
    at("src/cli/main.ts", 3000); // a source edited after the build
    expect(distIsFresh(root)).toBe(false);
    at("dist/index.js", 4000);
    expect(distIsFresh(root)).toBe(true);
    at("tsconfig.build.json", 5000); // the build's own configuration too
    expect(distIsFresh(root)).toBe(false);
    at("dist/index.js", 6000);
    utimesSync(join(root, "src/cli"), 7000, 7000); // a source file removed from src/cli
    expect(distIsFresh(root)).toBe(false);
  });
});
