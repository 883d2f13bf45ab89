/**
 * Writes every fixture file (`npm run fixtures`), or with `--check` compares the files with what the generator
 * would write and exits 1 naming the first differing path.
 * Usage: tsx scripts/generate-fixtures.ts [--check] [--dir <folder>] [kind…]   (default folder: fixtures/)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { buildFixture, describeDifference, FIXTURE_KINDS, FIXTURES_DIR, firstDifference, fixturePath, serializeFixture, type FixtureKind } from "../src/fixtures/index.ts";

const args = process.argv.slice(2);
const check = args.includes("--check");
const dirAt = args.indexOf("--dir");
const dir = dirAt >= 0 ? args[dirAt + 1] : FIXTURES_DIR;
const named = args.filter((a, i) => a !== "--check" && (dirAt < 0 || (i !== dirAt && i !== dirAt + 1)));
const unknown = named.filter((a) => !FIXTURE_KINDS.includes(a as FixtureKind));
if (dir === undefined || unknown.length > 0) {
  console.error(`generate-fixtures: bad arguments ${JSON.stringify(args)}; expected [--check] [--dir <folder>] [kind…], kinds: ${FIXTURE_KINDS.join(", ")}`);
  process.exit(2);
}
const kinds = named.length > 0 ? (named as FixtureKind[]) : FIXTURE_KINDS;

let failed = false;
for (const kind of kinds) {
  const started = performance.now();
  const text = serializeFixture(buildFixture(kind));
  const path = fixturePath(kind, dir);
  const file = relative(process.cwd(), path) || path;
  const took = `${Math.round(performance.now() - started)} ms`;
  if (check) {
    const difference = existsSync(path) ? firstDifference(text, readFileSync(path, "utf8")) : { path: "", expected: "the file", actual: "no file", line: 1 };
    if (difference) {
      console.error(`${describeDifference(file, difference)}; run \`npm run fixtures\` to regenerate`);
      failed = true;
    } else console.log(`${file}: up to date (${took})`);
  } else {
    writeFileSync(path, text);
    console.log(`${file}: ${(text.length / 1024).toFixed(1)} KiB written (${took})`);
  }
}
process.exit(failed ? 1 : 0);
