/**
 * A run through the textbook implementation rounding to float16 / bfloat16 after every operation passes the checks
 * the dtype touches: the oracle checks whose saturated cases float16 cannot represent (left out, said in the
 * message), the audits of silu (float16's exp underflows inside |x| ≤ 30) and leaky_relu (its slope 0.01 held
 * rounded), the softmax shift and dead-unit properties. (The whole default suite passes too — 362 checks each, run
 * by hand; too slow for the suite's budget.)
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

interface Report {
  readonly implementation: { readonly dtype: string };
  readonly checks: readonly { readonly id: string; readonly status: string; readonly message: string }[];
}

const ONLY = ["oracle/gradients/4-3-2", "oracle/train/4-3-2", "oracle/step/saturated/2-4-4-2", "activation/silu/audit", "activation/leaky_relu/audit",
  "property/softmax/shift-invariant", "property/gradients/dead-unit"];

describe.each(["float16", "bfloat16"])("a simulated %s implementation", (dtype) => {
  it("passes every check the dtype touches, saying which cases it left out as beyond the range", async () => {
    const module = join(REPO_ROOT, `spec/support/dtypes/textbook.${dtype}.ts`);
    const run = await runMain(["run", "--module", module, "--runs", "20", "--reporter", "json", ...ONLY.flatMap((id) => ["--only", id])]);
    const report = JSON.parse(run.out) as Report;
    expect(report.implementation.dtype).toBe(dtype);
    expect(report.checks.map((c) => c.id).sort()).toEqual([...ONLY].sort());
    expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
    const leftOut = report.checks.filter((c) => /cases left out as beyond/.test(c.message)).map((c) => c.id);
    // float16's range ends at 65504: the identity outputs at ±800 cost ~6e5; bfloat16 has float32's range
    expect(leftOut).toEqual(dtype === "float16" ? ["oracle/gradients/4-3-2", "oracle/train/4-3-2", "oracle/step/saturated/2-4-4-2"] : []);
    expect(run.code).toBe(0);
  });
});
