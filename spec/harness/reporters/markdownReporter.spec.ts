import { beforeAll, describe, expect, it } from "vitest";
import { markdownReporter, MARKDOWN_BUDGET } from "../../../src/harness/reporters/markdownReporter.ts";
import { runChecks, type RunReport } from "../../../src/harness/index.ts";
import { fakeImplementation, fixedCheck, RUN_DEFAULTS } from "../fakes.ts";
import { sampleReport } from "./sampleReport.ts";

let report: RunReport;
let text: string;
beforeAll(async () => {
  report = await sampleReport();
  text = markdownReporter(report);
});

describe("markdownReporter", () => {
  it("heads with the verdict and summary, then a table per area and status", () => {
    expect(text.split("\n")[0]).toMatch(/^## ❌ nncheck: 7 checks: 1 passed, 2 failed, 1 errored, 1 skipped, 1 xfailed, 1 xpassed in .* \(seed 7\)$/);
    expect(text).toContain("| oracle | ✅ 1 | ❌ 1 | 💥 1 | 0 | 0 | 0 | 3 |");
    expect(text).toContain("| **all** | **1** | **2** | **1** | **1** | **1** | **1** | **7** |");
  });

  it("puts each failure in a collapsed block with its per-entry table in a code fence and its replay", () => {
    const block = text.slice(text.indexOf("<details><summary>❌ <b>FAILED</b> <code>oracle/gradients/3-3-1</code>"));
    expect(block.slice(0, block.indexOf("</details>"))).toMatch(/```text\ngradients: 1 of 4 cases[^]*✗ W1\[1\]\[2\][^]*```\n\nReplay: `npx nncheck run --seed 7 --only oracle\/gradients\/3-3-1`/);
  });

  it("escapes what implementations write: no raw HTML tag outside code fences, no control character anywhere", () => {
    const outsideFences = text.replace(/^(`{3,})text\n[^]*?\n\1$/gm, "");
    expect(text).toContain("<tag"); // inside a code fence it is shown as it is
    expect(outsideFences).not.toContain("<tag");
    expect(text).toContain("&lt;tag attr=&quot;v&quot;&gt; &amp; 'q'");
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
  });

  it("lists skipped checks with their reasons, xfailed with theirs, and the passed ids", () => {
    expect(text).toContain("<details><summary>⏭️ 1 skipped (not offered by the implementation)</summary>\n\n- `property/relu/idempotence`: ");
    expect(text).toContain("- `fd/step/3-3-1`: known: step ignores the bias");
    expect(text).toMatch(/✅ 1 passed<\/summary>\n\n- `oracle\/activation\/identity`/);
  });

  it("stays under GitHub's 1 MiB step-summary limit however much fails, naming what it left out", async () => {
    const long = "x".repeat(20_000);
    const many = await runChecks({ implementation: fakeImplementation(), checks: Array.from({ length: 80 }, (_, k) => fixedCheck(`oracle/x/${k}`, { status: "failed", message: "wrong", details: { stack: long } })), ...RUN_DEFAULTS });
    const big = markdownReporter(many);
    expect(big.length).toBeLessThan(MARKDOWN_BUDGET + 10_000);
    expect(big).toMatch(/… \d+ more, details left out .*`oracle\/x\/79`/);
  });

  it("fences a body containing backticks with a longer fence", async () => {
    const ticks = await runChecks({ implementation: fakeImplementation(), checks: [fixedCheck("oracle/x", { status: "failed", message: "got ``` here" })], ...RUN_DEFAULTS });
    expect(markdownReporter(ticks)).toContain("````text\ngot ``` here\n````");
  });
});
