/**
 * The HTML report in a real browser: the seed port's report (18 failing checks) rendered by headless Chromium
 * (Debian's `chromium`; .ci/run installs it), its DOM checked after the page's script ran, and a PNG screenshot
 * saved in the test's temp dir. Without Chromium the tests say they are skipped, and why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium, runChromium } from "../../../scripts/headlessChromium.ts";
import type { EntryHeatmap } from "../../../src/checks/entryHeatmap.ts";
import { cellName } from "../../../src/harness/reporters/html/heatmapHtml.ts";
import type { RunReport } from "../../../src/harness/index.ts";
import { REPO_ROOT } from "../../cli/runCli.ts";
import { runMain } from "../../cli/runInProcess.ts";

const chromium = findChromium();
const SKIP = "headless Chromium is not installed (Debian's chromium package; .ci/run installs it with apt-get, or set $CHROMIUM): the browser test of the HTML report is skipped";
const dir = mkdtempSync(join(tmpdir(), "nncheck-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const html = join(dir, "report.html"), json = join(dir, "report.json"), png = join(dir, "report.png");
let report: RunReport;
let dom: string;

/** The serialised element `<details class="check" … data-id="id" …>…</details>` of check `id`. */
function checkElement(id: string): string {
  const start = dom.indexOf(`data-id="${id}"`);
  expect(start, `check ${id} in the DOM`).toBeGreaterThan(-1);
  const open = dom.lastIndexOf("<details", start);
  return dom.slice(open, dom.indexOf('<details class="check"', start) === -1 ? undefined : dom.indexOf('<details class="check"', start));
}

describe.skipIf(chromium === undefined)("the HTML report in headless Chromium", () => {
  beforeAll(async () => {
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/seed-port/seedPort.ts"), "--reporter", `html:${html}`, "--reporter", `json:${json}`]);
    expect(run.code, run.err).toBe(1);
    report = JSON.parse(readFileSync(json, "utf8")) as RunReport;
    // ?status=failed: the page's own script hides every other check, which shows it ran. One launch dumps the
    // DOM after the script and photographs the page.
    dom = (await runChromium(chromium!, ["--dump-dom", `--screenshot=${png}`, "--window-size=1280,1600", "--hide-scrollbars"], `${pathToFileURL(html).href}?status=failed`)).stdout;
  });

  it("lists every failing check, open, and the filter script ran (only the 18 failures shown)", () => {
    const failing = report.checks.filter((c) => c.status === "failed");
    expect(failing).toHaveLength(18);
    for (const c of failing) expect(checkElement(c.id)).toMatch(/^<details class="check" id="check-\d+" data-id="[^"]+" data-status="failed" data-area="\w+" open="">/);
    const all = [...dom.matchAll(/<details class="check"[^>]*>/g)].map((m) => m[0]);
    expect(all).toHaveLength(report.checks.length);
    expect(all.filter((tag) => !/ hidden=""/.test(tag))).toHaveLength(18);
    expect(all.filter((tag) => / hidden=""/.test(tag)).every((tag) => !tag.includes('data-status="failed"'))).toBe(true);
    expect(dom).toContain(`<span id="shown">18 of ${report.checks.length} checks shown</span>`);
  });

  it("draws one heatmap cell per compared entry of each failing comparison, with the same entries in the table below", () => {
    const withHeatmap = report.checks.filter((c) => c.details?.["heatmap"] !== undefined);
    expect(withHeatmap.length).toBeGreaterThanOrEqual(14);
    for (const c of withHeatmap) {
      const heatmap = c.details!["heatmap"] as EntryHeatmap;
      const entries = heatmap.grids.flatMap((g) => g.ratio.flatMap((row, i) => row.flatMap((r, j) => (r === null ? [] : [cellName(g, i, j)]))));
      const element = checkElement(c.id);
      const cells = [...element.matchAll(/<rect class="cell (?:pass|fail|unjudged)" data-entry="([^"]+)"/g)].map((m) => m[1]);
      const rows = [...element.matchAll(/<tr class="(?:pass|fail|unjudged)" data-entry="([^"]+)"/g)].map((m) => m[1]);
      expect(cells, c.id).toEqual(entries);
      expect(rows, c.id).toEqual(entries);
      const unjudged = heatmap.grids.reduce((n, g) => n + (g.unjudged?.length ?? 0), 0); // fd entries on a ReLU kink
      expect([...element.matchAll(/<rect class="cell fail"/g)].length, c.id).toBe(heatmap.grids.flatMap((g) => g.ratio.flat()).filter((r) => r !== null && r > 1).length - unjudged);
      expect([...element.matchAll(/<rect class="cell unjudged"/g)].length, c.id).toBe(unjudged);
    }
  });

  it("shows the broadcast-rows pattern of W1: the actual rows identical, the exact ones not, and W1's cells all failing", () => {
    const element = checkElement("fixture/worked-example/gradients/y=0");
    // The exact panel's W1 cells come first, then the actual panel's (the ratio panel's carry data-entry instead).
    const w1 = [...element.matchAll(/data-value-of="W1\[(\d)\]\[(\d)\]" data-value="([^"]+)"/g)].map((m) => m[3]!);
    expect(w1).toHaveLength(18);
    const values = (panel: "expected" | "actual") => [0, 1, 2].map((i) => w1.slice((panel === "expected" ? 0 : 9) + 3 * i, (panel === "expected" ? 0 : 9) + 3 * i + 3));
    const actual = values("actual"), exact = values("expected");
    expect(actual[1]).toEqual(actual[0]);
    expect(actual[2]).toEqual(actual[0]);
    expect(new Set(exact.map((row) => row.join())).size).toBe(3);
    expect([...element.matchAll(/<rect class="cell fail" data-entry="W1\[/g)]).toHaveLength(9);
    expect(element).toMatch(/<rect class="cell pass" data-entry="W2\[0\]\[0\]"/);
    expect(element).toContain("broadcast-rows");
  });

  it("draws the trajectory's cost curve and the logistic audit's ulp curve with its lossy ranges", () => {
    expect(checkElement("fixture/sgd-trajectory/train")).toMatch(/<figure class="curve cost-curve" data-cases="40">[^]*<polyline class="series s1"[^]*<polyline class="series s2"/);
    const audit = checkElement("activation/logistic/audit");
    const lossy = (report.checks.find((c) => c.id === "activation/logistic/audit")!.details!["lossyRanges"] as { value: unknown[]; derivative: unknown[] });
    expect(audit).toContain(`<figure class="curve ulp-curve" data-lossy="${lossy.value.length + lossy.derivative.length}">`);
    expect([...audit.matchAll(/<rect class="band lossy-(?:value|derivative)"/g)]).toHaveLength(lossy.value.length + lossy.derivative.length);
  });

  it("renders a PNG screenshot, saved in the test's temp dir", () => {
    expect(existsSync(png)).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 1600]); // IHDR width, height
  });
});

if (chromium === undefined) {
  describe("the HTML report in headless Chromium", () => {
    it.skip(SKIP, () => {});
  });
}
