/**
 * The mutant catalogue through the CLI: each deliberately wrong implementation of examples/mutants is run with
 * `nncheck run --module <mutant>` on the checks that must catch it, and each of those checks must fail (or error,
 * where the mutant itself crashes). Seed 1, --runs 25: deterministic. Which properties catch which mutant is
 * asserted in more detail by spec/properties/mutants.spec.ts; the correct `plain.ts` passes every check in
 * spec/properties and here.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { REPO_ROOT } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

/** Mutant module → the checks that catch it (a few per kind of check, not all of them). */
const CAUGHT_BY: Readonly<Record<string, readonly string[]>> = {
  "reluDerivativeAtZero.ts": ["activation/relu/audit", "oracle/gradients/3-3-1", "oracle/train/3-3-1", "property/relu/derivative"],
  "reluDerivativeSign.ts": ["activation/relu/audit", "fixture/worked-example/gradients/y=0", "oracle/step/3-3-1", "fd/full/3-3-1", "property/relu/derivative"],
  "leakyRelu.ts": ["activation/relu/audit", "oracle/forward/3-3-1", "oracle/gradients/3-3-1", "property/relu/nonnegative"],
  "logisticDerivativeMissing.ts": ["activation/logistic/audit", "fixture/worked-example/gradients/y=0", "oracle/gradients/3-3-1", "fd/full/3-3-1"],
  "logisticSign.ts": ["activation/logistic/audit", "fixture/worked-example/forward", "oracle/forward/3-3-1", "property/logistic/monotone"],
  "naiveLogistic.ts": ["activation/logistic/audit", "oracle/gradients/3-3-1", "property/logistic/derivative-range"],
  "costDerivativeWithout2.ts": ["fixture/worked-example/gradients/y=0", "oracle/gradients/3-3-1", "fd/full/3-3-1", "property/cost/output-gradient"],
  "costNotSquared.ts": ["fixture/worked-example/gradients/y=0", "oracle/gradients/3-3-1", "property/cost/nonnegative"],
  "transposedW1Gradient.ts": ["oracle/gradients/2-5-1", "oracle/gradients/batch/3-3-1", "fd/full/3-3-1", "property/gradients/oracle"],
  "biasGradientSummed.ts": ["oracle/gradients/batch/3-3-1", "oracle/step/batch/3-3-1", "fd/directional/3-3-1", "property/gradients/batch-mean"],
  "reluMaskFirstSample.ts": ["oracle/gradients/batch/3-3-1", "fd/directional/3-3-1", "property/gradients/order-invariant"],
  "gradientOff1e6.ts": ["fixture/worked-example/gradients/y=0", "oracle/gradients/2-5-1", "oracle/step/3-3-1", "property/gradients/oracle"],
  "forwardDropsBias.ts": ["fixture/worked-example/forward", "oracle/forward/3-3-1", "oracle/gradients/3-3-1", "property/gradients/dead-unit"],
  "stepAscends.ts": ["fixture/worked-example/step/y=0", "oracle/step/3-3-1", "property/step/own-gradient"],
  "learningRateDefault.ts": ["property/step/zero-rate"],
  "float32DeclaredFloat64.ts": ["fixture/worked-example/forward", "oracle/forward/3-3-1", "oracle/gradients/3-3-1", "activation/logistic/audit", "property/relu/idempotent"],
  "trainSkipsLast.ts": ["fixture/sgd-trajectory/train", "oracle/train/3-3-1", "property/train/fold"],
  "trainRepeatsLast.ts": ["fixture/sgd-trajectory/train", "oracle/train/3-3-1", "property/train/single-sample"],
};

describe("the mutant catalogue through the CLI: every mutant is caught by the checks named for it", () => {
  it.each(Object.entries(CAUGHT_BY))("%s", async (file, ids) => {
    const only = ids.flatMap((id) => ["--only", id]);
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants", file), "--runs", "25", ...only, "--reporter", "json"]);
    expect(run.code, run.err).toBe(1);
    const report = JSON.parse(run.out) as { checks: { id: string; status: string }[] };
    const caught = report.checks.filter((c) => c.status === "failed" || c.status === "errored").map((c) => c.id);
    expect(caught.sort(), report.checks.map((c) => `${c.id}: ${c.status}`).join("; ")).toEqual([...ids].sort());
  });

  it("the correct plain.ts, the code every mutant is one line away from, passes every check", async () => {
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants/plain.ts"), "--runs", "20", "--reporter", "json"]);
    const report = JSON.parse(run.out) as { checks: { id: string; status: string; message: string }[] };
    expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(allChecks().map((c) => c.id));
    expect(run.code).toBe(0);
  });

  it("the catalogue lists at least 12 mutants, each a module here", () => {
    expect(Object.keys(CAUGHT_BY).length).toBeGreaterThanOrEqual(12);
  });
});
