/**
 * The mutant catalogue through the CLI: each deliberately wrong implementation of examples/mutants is run with
 * `nncheck run --module <mutant>` on the checks that must catch it, and each of those checks must fail (or error,
 * where the mutant itself crashes). Seed 1, --runs 25: deterministic. Which properties catch which mutant is
 * asserted in more detail by spec/properties/mutants.spec.ts; the correct `plain.ts` passes every check in
 * spec/properties and here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../examples/mutants/catalogue.ts";
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

  it("covers every mutant module of examples/mutants, as many as the README says, and no other", () => {
    const dir = join(REPO_ROOT, "examples/mutants");
    const helpers = ["catalogue.ts", "plain.ts", "plainNetwork.ts"]; // the catalogue, the correct network, its mutation switch
    const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && !helpers.includes(f)).sort();
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(modules);
    expect(CATALOGUE.map((m) => m.file).sort()).toEqual(modules);
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    expect(modules).toHaveLength(Number(/holds (\d+) deliberately wrong\s+implementations/.exec(readme)?.[1]));
  });
});
