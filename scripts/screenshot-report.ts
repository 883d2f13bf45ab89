/**
 * Regenerates docs/report-screenshot.png, the README's picture of a real HTML report: runs every check on the seed
 * port (examples/seed-port, which fails 18), writes the HTML report, and has headless Chromium photograph it
 * filtered to the failing worked-example gradients check, whose heatmap shows W1's broadcast rows.
 *
 *   npx tsx scripts/screenshot-report.ts [out.png]
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { main } from "../src/cli/main.ts";
import { findChromium, runChromium } from "./headlessChromium.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = process.argv[2] ?? join(root, "docs/report-screenshot.png");
const chromium = findChromium();
if (chromium === undefined) {
  console.error("screenshot-report: headless Chromium not found (install Debian's chromium, or set $CHROMIUM)");
  process.exit(2);
}
process.chdir(root); // the report's replay commands then name the module as a user would type it
const dir = mkdtempSync(join(tmpdir(), "nncheck-screenshot-"));
try {
  const html = join(dir, "seed-port.html");
  const code = await main(["run", "--module", "examples/seed-port/seedPort.ts", "--reporter", `html:${html}`], { out: console.log, err: console.error });
  if (code !== 1) throw new Error(`the seed port's run exited ${code}, expected 1 (18 failing checks)`);
  const url = `${pathToFileURL(html).href}?status=failed&q=worked-example/gradients/y%3D0`;
  await runChromium(chromium, [`--screenshot=${out}`, "--window-size=1200,1480", "--hide-scrollbars", "--force-device-scale-factor=1"], url);
  console.log(`screenshot-report: wrote ${out} (${Math.round(statSync(out).size / 1024)} kB) from ${url}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
