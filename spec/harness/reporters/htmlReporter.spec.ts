import { beforeAll, describe, expect, it } from "vitest";
import { htmlReporter } from "../../../src/harness/reporters/index.ts";
import type { RunReport } from "../../../src/harness/index.ts";
import { sampleReport } from "./sampleReport.ts";

let report: RunReport;
let html: string;
beforeAll(async () => {
  report = await sampleReport();
  html = htmlReporter(report);
});

describe("htmlReporter (the DOM in a real browser: htmlReporter.browser.spec.ts)", () => {
  it("is one self-contained page: nothing fetched, no external link, one inline script", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).not.toMatch(/<link|<img|<iframe|\bsrc=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect([...html.matchAll(/<script>/g)]).toHaveLength(1);
  });

  it("has the summary in plain HTML (no script needed): the header, every area's counts, every check", () => {
    const body = html.slice(0, html.indexOf("<script>"));
    expect(body).toContain("<dt>seed</dt><dd>7</dd>");
    expect(body).toContain("<dt>replay</dt><dd><code>npx nncheck run --impl &quot;python3 adapter.py&quot; --seed 7</code></dd>");
    expect(body).toMatch(/<tr data-area="oracle"><th>oracle<\/th><td class="num">3<\/td>.*✓ 1 passed<\/span> · <span class="s-failed">✗ 1 failed<\/span> · <span class="s-errored">⚠ 1 errored/);
    for (const c of report.checks) expect(body).toContain(`data-id="${c.id}" data-status="${c.status}"`);
    expect(body).toContain('<form id="filter" hidden>'); // shown by the script only
  });

  it("escapes everything implementations write", () => {
    expect(html).not.toContain("<tag");
    expect(html).toContain("&lt;tag attr=&quot;v&quot;&gt; &amp; &#39;q&#39;");
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it("opens the failed, errored and xpassed checks and leaves the rest closed", () => {
    const tags = [...html.matchAll(/<details class="check"[^>]*>/g)].map((m) => m[0]);
    for (const c of report.checks) {
      const tag = tags.find((t) => t.includes(`data-id="${c.id}"`))!;
      expect(tag.endsWith(" open>"), c.id).toBe(["failed", "errored", "xpassed"].includes(c.status));
    }
  });
});
