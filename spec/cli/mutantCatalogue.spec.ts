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
  "stepAscends.ts": ["fixture/worked-example/step/y=0", "oracle/step/3-3-1", "oracle/train/3-3-1", "property/step/own-gradient"],
  "learningRateDefault.ts": ["property/step/zero-rate"],
  "float32DeclaredFloat64.ts": ["fixture/worked-example/forward", "oracle/forward/3-3-1", "oracle/gradients/3-3-1", "activation/logistic/audit", "property/relu/idempotent"],
  "trainSkipsLast.ts": ["fixture/sgd-trajectory/train", "oracle/train/3-3-1", "property/train/fold"],
  "trainRepeatsLast.ts": ["fixture/sgd-trajectory/train", "oracle/train/3-3-1", "property/train/single-sample"],
  "rateDoubled.ts": ["fixture/worked-example/step/y=0", "oracle/step/3-3-1", "oracle/train/3-3-1", "property/step/own-gradient"],
  "rateOverBatch.ts": ["oracle/step/batch/3-3-1", "property/step/own-gradient"],
  "updatedOutputWeights.ts": ["fixture/worked-example/step/y=0", "oracle/step/3-3-1", "oracle/train/3-3-1", "property/step/own-gradient"],
};

/** The checks needing an optimizer, which the plain network (no `optimizers` in its hello) skips. */

describe("the mutant catalogue through the CLI: every mutant is caught by the checks named for it", () => {
  it.each(Object.entries(CAUGHT_BY))("%s", async (file, ids) => {
    const only = ids.flatMap((id) => ["--only", id]);
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants", file), "--runs", "25", ...only, "--reporter", "json"]);
    expect(run.code, run.err).toBe(1);
    const report = JSON.parse(run.out) as { checks: { id: string; status: string; details?: { hints?: { kind: string }[] } }[] };
    const caught = report.checks.filter((c) => c.status === "failed" || c.status === "errored").map((c) => c.id);
    expect(caught.sort(), report.checks.map((c) => `${c.id}: ${c.status}`).join("; ")).toEqual([...ids].sort());
    // the diagnosis the catalogue names for it (one name per bug), on checks among those run
    for (const [id, kind] of Object.entries(CATALOGUE.find((m) => m.file === file)?.hints ?? {})) {
      expect(report.checks.find((c) => c.id === id)?.details?.hints?.map((h) => h.kind), `${id}'s hints`).toEqual([kind]);
    }
  });

  it("the correct plain.ts, the code every mutant is one line away from, passes every check", async () => {
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants/plain.ts"), "--runs", "20", "--reporter", "json"]);
    const report = JSON.parse(run.out) as { checks: { id: string; status: string; message: string }[] };
    // plain.ts declares every optimizer too (the optimizer mutants are one line away from it): nothing is skipped
    expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(allChecks().map((c) => c.id));
    expect(run.code).toBe(0);
  }, 240_000); // a whole run: seconds on an idle machine, much longer on a loaded one

  it("covers every mutant module of examples/mutants, as many as the README says, and no other", () => {
    const dir = join(REPO_ROOT, "examples/mutants");
    const helpers = ["catalogue.ts", "plain.ts", "plainNetwork.ts", "plainOptimizers.ts"]; // the catalogue, the correct network, its mutation switch, its optimizers
    const modules = readdirSync(dir).filter((f) => f.endsWith(".ts") && !helpers.includes(f)).sort();
    expect([...Object.keys(CAUGHT_BY), ...Object.keys(CLASSIFIER_MUTANTS), ...Object.keys(OPTIMIZER_MUTANTS)].sort()).toEqual(modules); // the seed's 21 above, the classifier family's and the optimizers' below
    expect(CATALOGUE.map((m) => m.file).sort()).toEqual(modules);
    const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
    expect(modules).toHaveLength(Number(/holds (\d+) deliberately wrong\s+implementations/.exec(readme)?.[1]));
  });
});

/**
 * The classifier family's mutants: the checks that catch each (`caught`, every one must fail), and checks its bug
 * cannot reach (`passes`, every one must pass), which show why the caught ones are the ones they are; `hints`: the
 * diagnosis a failing check's verdict must carry (src/diagnosis), by check id.
 */
const CLASSIFIER_MUTANTS: Readonly<Record<string, { readonly caught: readonly string[]; readonly passes: readonly string[]; readonly hints?: Readonly<Record<string, string>> }>> = {
  // every path through softmax's backward pass: cross-entropy's δ, the squared error on a softmax output, the Jacobian
  "softmaxDiagonal.ts": {
    caught: ["activation/softmax/audit", "oracle/gradients/4-5-3-ce/mean", "oracle/train/4-5-3-ce/sum", "fd/full/4-5-3-ce", "fixture/family-cases/worked/softmax-cross-entropy/gradients", "fixture/family-cases/3-4-3-3.relu-logistic-softmax.se.mean.n1/gradients"],
    passes: ["oracle/forward/4-5-3-ce"],
    hints: { "oracle/gradients/4-5-3-ce/mean": "softmax-diagonal" },
  },
  // only logits large enough for e^z to overflow: the audit's (1000, 0) and the saturated cases
  "softmaxNoMax.ts": {
    caught: ["activation/softmax/audit", "oracle/forward/saturated/4-5-3-ce", "oracle/gradients/saturated/4-5-3-ce"],
    passes: ["oracle/forward/4-5-3-ce", "oracle/gradients/batch/4-5-3-ce/mean"],
    hints: { "oracle/forward/saturated/4-5-3-ce": "softmax-overflow", "oracle/gradients/saturated/4-5-3-ce": "softmax-overflow" },
  },
  // only the cost, and only where a_k underflows: the saturated gradients (the saturated step does not report a cost)
  "naiveLogSoftmax.ts": {
    caught: ["oracle/gradients/saturated/4-5-3-ce"],
    passes: ["oracle/gradients/4-5-3-ce/mean", "oracle/gradients/batch/4-5-3-ce/sum", "oracle/step/saturated/4-5-3-ce", "fd/full/4-5-3-ce"],
    hints: { "oracle/gradients/saturated/4-5-3-ce": "naive-log-softmax" },
  },
  // n× under the mean with n ≥ 2, nK× under mean_all; the sum, single samples under the mean and other costs are right
  "ceGradientWithoutMean.ts": {
    caught: ["oracle/gradients/batch/4-5-3-ce/mean", "oracle/gradients/4-5-3-ce/mean_all", "oracle/step/batch/4-5-3-ce/mean", "fd/directional/4-5-3-ce"],
    passes: ["oracle/gradients/batch/4-5-3-ce/sum", "oracle/gradients/4-5-3-ce/mean", "fd/full/4-5-3-ce", "oracle/gradients/batch/3-3-1-bce/mean"],
    hints: { "oracle/gradients/batch/4-5-3-ce/mean": "batch-sum" },
  },
  // cost and gradient agree with each other (finite differences of its own cost pass) but not with the exact ones
  "bceTargetFlipped.ts": {
    caught: ["oracle/gradients/3-3-1-bce/mean", "oracle/step/batch/3-3-1-bce/sum", "oracle/train/3-3-1-bce/mean_all", "fixture/family-cases/worked/logistic-bce/gradients"],
    passes: ["fd/full/3-3-1-bce", "oracle/forward/3-3-1-bce"],
    hints: { "oracle/gradients/3-3-1-bce/mean": "bce-target-flipped" },
  },
  // the policy: a naive ln σ(z) fails the saturated cases and nothing else (see the full run below)
  "naiveLogSigmoid.ts": {
    caught: ["oracle/gradients/saturated/3-3-1-bce"],
    passes: ["oracle/gradients/3-3-1-bce/mean", "oracle/gradients/batch/3-3-1-bce/mean_all", "oracle/step/saturated/3-3-1-bce", "fd/full/3-3-1-bce"],
    hints: { "oracle/gradients/saturated/3-3-1-bce": "naive-log-sigmoid" },
  },
  // 2× the gradients of the ½ convention (the cost itself right); squared_error networks untouched
  "halfConventionMixed.ts": {
    caught: ["oracle/gradients/2-4-4-2/mean", "oracle/step/batch/2-4-4-2/sum", "fd/full/2-4-4-2", "fixture/family-cases/3-4-3-3.relu-logistic-tanh.half-se.sum.n1/gradients"],
    passes: ["oracle/gradients/3-3-1", "oracle/forward/2-4-4-2"],
    hints: { "oracle/gradients/2-4-4-2/mean": "factor-2" },
  },
  // only at z = 0 exactly: the audit's 0 and −0, and the oracle's dead-unit cases; a finite difference cannot see it
  "leakyReluDerivativeAtZero.ts": {
    caught: ["activation/leaky_relu/audit", "oracle/gradients/2-4-4-2/mean", "oracle/step/batch/2-4-4-2/mean"],
    passes: ["oracle/forward/2-4-4-2", "fd/full/2-4-4-2"],
    hints: { "oracle/gradients/2-4-4-2/mean": "leaky-relu-derivative-at-zero" },
  },
  // another function, consistently differentiated: values and gradients wrong, finite differences of its own cost right
  "leakySlope01.ts": {
    caught: ["activation/leaky_relu/audit", "oracle/forward/2-4-4-2", "oracle/gradients/2-4-4-2/mean", "fixture/family-cases/3-4-3-3.leaky_relu-softplus-silu.se.mean_all.n4/forward"],
    passes: ["fd/full/2-4-4-2"],
  },
  // only where e^z overflows or ln(1 + e^z) loses e^z: the audit and the saturated hidden softplus layer
  "naiveSoftplus.ts": {
    caught: ["activation/softplus/audit", "oracle/forward/saturated/2-4-4-2", "oracle/gradients/saturated/2-4-4-2"],
    passes: ["oracle/forward/2-4-4-2", "oracle/gradients/2-4-4-2/mean"],
    hints: { "oracle/forward/saturated/2-4-4-2": "softplus-overflow", "oracle/gradients/saturated/2-4-4-2": "softplus-overflow" },
  },
  "siluDerivativeSigma.ts": {
    caught: ["activation/silu/audit", "oracle/gradients/2-4-4-2/mean", "fd/full/2-4-4-2", "fixture/family-cases/3-4-3-3.silu-relu-softmax.ce.mean.n3/gradients"],
    passes: ["oracle/forward/2-4-4-2"],
  },
  // the sum of n ≥ 2 samples and mean_all over K ≥ 2 outputs; one sample's sum, and mean_all with one output, are the mean
  "reductionIgnored.ts": {
    caught: ["oracle/gradients/batch/4-5-3-ce/sum", "oracle/gradients/2-4-4-2/mean_all", "oracle/step/batch/3-3-1-bce/sum", "fixture/family-cases/3-4-3-3.tanh-identity-identity.se.sum.n2/gradients"],
    passes: ["oracle/gradients/batch/4-5-3-ce/mean", "oracle/gradients/3-3-1-bce/sum", "oracle/gradients/batch/3-3-1-bce/mean_all"],
    hints: { "oracle/gradients/batch/4-5-3-ce/sum": "reduction-mismatch" },
  },
  "meanAllAsMean.ts": {
    caught: ["oracle/gradients/4-5-3-ce/mean_all", "oracle/step/batch/2-4-4-2/mean_all", "fixture/family-cases/3-4-3-2.relu-logistic-logistic.bce.mean_all.n1/gradients"],
    passes: ["oracle/gradients/batch/3-3-1-bce/mean_all", "oracle/gradients/batch/4-5-3-ce/sum"],
    hints: { "oracle/gradients/4-5-3-ce/mean_all": "reduction-mismatch" },
  },
};

/**
 * The optimizers' mutants: each is caught by the step and train checks of the configurations its line is on, and
 * passes those of another optimizer (and, for a state not carried through train, the single steps).
 */
const OPTIMIZER_MUTANTS: Readonly<Record<string, { readonly caught: readonly string[]; readonly passes: readonly string[] }>> = {
  "adamNoBiasCorrection.ts": { caught: ["oracle/step/adam/3-3-1", "oracle/train/adam/3-3-1", "oracle/step/adamw/4-5-3-ce"], passes: ["oracle/step/sgd-momentum/3-3-1"] },
  "adamEpsilonInsideSqrt.ts": { caught: ["oracle/step/adam/3-3-1", "oracle/train/adam/4-5-3-ce"], passes: ["oracle/train/sgd-nesterov/3-3-1"] },
  "adamStepFromZero.ts": { caught: ["oracle/step/adam/3-3-1", "oracle/train/adam-weight-decay/3-3-1", "oracle/step/adamw/4-5-3-ce"], passes: ["oracle/step/sgd-momentum/4-5-3-ce"] },
  "momentumBeforeGradient.ts": { caught: ["oracle/step/sgd-momentum/3-3-1", "oracle/train/sgd-momentum/3-3-1", "oracle/step/sgd-nesterov/4-5-3-ce"], passes: ["oracle/step/adam/3-3-1"] },
  "weightDecayAfterMomentum.ts": { caught: ["oracle/step/sgd-weight-decay/3-3-1", "oracle/train/sgd-weight-decay/4-5-3-ce"], passes: ["oracle/train/sgd-momentum/3-3-1", "oracle/step/adam-weight-decay/3-3-1"] },
  "adamwDecayCoupled.ts": { caught: ["oracle/step/adamw/3-3-1", "oracle/train/adamw/4-5-3-ce"], passes: ["oracle/step/adam-weight-decay/3-3-1"] },
  "optimizerStateNotCarried.ts": { caught: ["oracle/train/sgd-momentum/3-3-1", "oracle/train/adam/3-3-1", "oracle/train/adamw/4-5-3-ce"], passes: ["oracle/step/sgd-momentum/3-3-1", "oracle/step/adam/4-5-3-ce"] },
};

describe("the classifier family's and the optimizers' mutants through the CLI: caught by the checks named for each, passing those its bug cannot reach", () => {
  it.each(Object.entries({ ...CLASSIFIER_MUTANTS, ...OPTIMIZER_MUTANTS }))("%s", async (file, { caught, passes, hints = {} }: { caught: readonly string[]; passes: readonly string[]; hints?: Readonly<Record<string, string>> }) => {
    const only = [...caught, ...passes].flatMap((id) => ["--only", id]);
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants", file), "--runs", "25", ...only, "--reporter", "json"]);
    expect(run.code, run.err).toBe(1);
    const report = JSON.parse(run.out) as { checks: { id: string; status: string; details?: { hints?: { kind: string }[] } }[] };
    const statuses = report.checks.map((c) => `${c.id}: ${c.status}`).join("; ");
    for (const [id, kind] of Object.entries(hints)) expect(report.checks.find((c) => c.id === id)?.details?.hints?.map((h) => h.kind), `${id}'s hints`).toEqual([kind]);
    expect(report.checks.map((c) => c.id).sort(), "every named check exists and ran").toEqual([...caught, ...passes].sort());
    expect(report.checks.filter((c) => c.status === "failed" || c.status === "errored").map((c) => c.id).sort(), statuses).toEqual([...caught].sort());
  });

  // The saturation policy: a naive ln σ(z) or ln softmax fails exactly the saturated checks, so a user who computes it
  // knowingly lists those in --expect-fail and the rest of the suite still holds them to every other check.
  it.each([
    ["naiveLogSigmoid.ts", "oracle/gradients/saturated/3-3-1-bce"],
    ["naiveLogSoftmax.ts", "oracle/gradients/saturated/4-5-3-ce"],
  ])("%s fails nothing but %s, which its expected-failures file lists", async (file, id) => {
    const expectFail = join(REPO_ROOT, "examples/mutants", file.replace(/\.ts$/, ".expected-failures.json"));
    const run = await runMain(["run", "--module", join(REPO_ROOT, "examples/mutants", file), "--runs", "20", "--expect-fail", expectFail, "--reporter", "json"]);
    const report = JSON.parse(run.out) as { summary: Record<string, number>; checks: { id: string; status: string; details?: { hints?: { kind: string; message: string }[] } }[] };
    expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}`)).toEqual([`${id}: xfailed`]);
    // and its verdict says which formula to use instead
    expect(report.checks.find((c) => c.id === id)?.details?.hints?.map((h) => h.message)).toEqual([expect.stringMatching(file === "naiveLogSigmoid.ts" ? /use log-sigmoid/ : /use log-softmax/)]);
    expect(report.summary).toMatchObject({ failed: 0, errored: 0, xpassed: 0, xfailed: 1, skipped: 0 });
    expect(run.code).toBe(0);
  }, 240_000); // whole runs, as above
});
