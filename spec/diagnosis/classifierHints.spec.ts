/**
 * The classifier family's hints, each tested against the numbers: the buggy answers come from the mutants of
 * examples/mutants (plainNetwork.ts shares no code with src/), on seeded cases of the oracle checks' classifier
 * shapes; each bug must get exactly its hint, and unstructured errors none.
 */
import { describe, expect, it } from "vitest";
import { plainNetwork, type Mutation } from "../../examples/mutants/plainNetwork.ts";
import { randomCase } from "../../src/cases/index.ts";
import { compareForward, compareGradients, exactGradientsWithScales, exactToNumbers } from "../../src/gradcheck/index.ts";
import { diagnose, diagnoseForward } from "../../src/diagnosis/index.ts";
import type { GradientsRequest, GradientsResult } from "../../src/implementation.ts";
import type { NetworkSpec, Reduction } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const oracle = createOracle();
const SEED = Number(process.env.NNCHECK_SEED ?? 20240812);

const bce: NetworkSpec = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "binary_cross_entropy" };
const ce: NetworkSpec = { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" };
const smooth: NetworkSpec = { layers: [2, 4, 4, 2], activations: ["leaky_relu", "softplus", "silu"], cost: "half_squared_error" };
const softmaxSquared: NetworkSpec = { layers: [3, 4, 3], activations: ["tanh", "softmax"], cost: "squared_error" };
const seedNet: NetworkSpec = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" };
const reduced = (network: NetworkSpec, reduction: Reduction): NetworkSpec => (reduction === "mean" ? network : { ...network, reduction });

type Variant = "plain" | "saturated" | "dead-unit";

/** A seeded case of `network` with n samples; "saturated": the output (and softplus) biases at ±800; "dead-unit": unit 0 of layer 1 all zeros. */
function makeCase(network: NetworkSpec, n: number, variant: Variant, seed: number): GradientsRequest {
  const rng = createRng(seed);
  const c = randomCase(rng, network, n, { paramRange: [-1.5, 1.5], inputRange: [0, 1] });
  const params = c.params.map(({ W, b }, l) => {
    const last = l === c.params.length - 1;
    if (variant === "saturated" && (last || network.activations[l] === "softplus")) return { W, b: b.map(() => (rng.next() < 0.5 ? -800 : 800)) };
    if (variant === "dead-unit" && l === 0) return { W: W.map((row, i) => (i === 0 ? row.map(() => 0) : row)), b: b.map((v, i) => (i === 0 ? 0 : v)) };
    return { W, b };
  });
  return { network, params, inputs: c.inputs, targets: c.targets };
}

function diagnosed(request: GradientsRequest, actual: GradientsResult) {
  const withScales = exactGradientsWithScales(request, { dtype: "float64", oracle });
  const comparison = compareGradients(request, actual, { dtype: "float64", oracle }, withScales);
  return { comparison, hints: diagnose(request, withScales.exact, actual, comparison) };
}

const kinds = (hints: readonly { kind: string }[]) => hints.map((h) => h.kind);

describe("the classifier family's hints", () => {
  it.each<[Mutation, NetworkSpec, number, Variant, string, RegExp]>([
    ["softmax-diagonal", ce, 3, "plain", "softmax-diagonal", /^the gradients match a backward pass through softmax's Jacobian diagonal only.*cross-entropy/],
    ["softmax-diagonal", softmaxSquared, 2, "plain", "softmax-diagonal", /Jacobian is diag\(a\) − a·aᵀ/],
    ["bce-target-flipped", reduced(bce, "sum"), 3, "plain", "bce-target-flipped", /y and 1 − y exchanged/],
    ["ce-gradient-without-mean", ce, 4, "plain", "batch-sum", /^all gradients are 4× .*\(the cost itself is right\): the softmax cross-entropy gradient a − y without its 1\/n/],
    ["ce-gradient-without-mean", reduced(ce, "mean_all"), 3, "plain", "batch-sum", /^all gradients are 9× .*without its 1\/\(n·K\)/],
    ["half-convention-mixed", smooth, 3, "plain", "factor-2", /the ½ convention mixed up: the network declares half_squared_error, .* squared_error's 2\(a − y\)/],
    ["cost-derivative-without-2", seedNet, 3, "plain", "factor-half", /the ½ convention mixed up: the network declares squared_error, .* half_squared_error's a − y/],
    ["reduction-ignored", reduced(ce, "sum"), 3, "plain", "reduction-mismatch", /^all gradients and the cost are 1\/3× .*the mean over the 3 samples where the network declares reduction "sum"/],
    ["mean-all-as-mean", reduced(ce, "mean_all"), 4, "plain", "reduction-mismatch", /^all gradients and the cost are 3× .*mean_all taken as the mean/],
    ["leaky-relu-derivative-at-zero", smooth, 2, "dead-unit", "leaky-relu-derivative-at-zero", /leaky_relu′\(0\) = 1 in layer 1 \(z exactly 0 at unit 0 of sample 0 and unit 0 of sample 1\)/],
    ["naive-log-sigmoid", bce, 1, "saturated", "naive-log-sigmoid", /^the cost is (Infinity|NaN) where the exact cost is .*use log-sigmoid: c = max\(z, 0\) − y·z \+ ln\(1 \+ e\^−\|z\|\)/],
    ["naive-log-softmax", ce, 1, "saturated", "naive-log-softmax", /^the cost is Infinity where the exact cost is .*use log-softmax: ln a_k = z_k − m − ln Σ_j e\^\(z_j − m\)/],
    ["softmax-no-max", ce, 1, "saturated", "softmax-overflow", /^the answer has non-finite entries, and layer 2's z reaches .*subtract max z/],
    ["naive-softplus", smooth, 1, "saturated", "softplus-overflow", /^the answer has non-finite entries, and layer 2's z reaches .*use max\(z, 0\) \+ ln\(1 \+ e\^−\|z\|\)/],
  ])("%s on %j (n = %d, %s cases) gets exactly %s", async (mutation, network, n, variant, kind, message) => {
    // the first of a few seeded cases that the bug reaches (a saturated one needs an output that rounds to 0 or 1)
    for (let k = 0; k < 8; k++) {
      const request = makeCase(network, n, variant, SEED + k);
      const { comparison, hints } = diagnosed(request, await plainNetwork(mutation).gradients(request));
      if (comparison.ok) continue;
      expect(kinds(hints), `seed ${SEED + k}: ${hints.map((h) => h.message).join(" | ")}`).toEqual([kind]);
      expect(hints[0]!.message).toMatch(message);
      return;
    }
    expect.fail(`no case of seeds ${SEED}–${SEED + 7} shows ${mutation}`);
  });

  it.each<[Mutation, NetworkSpec, string, RegExp]>([
    ["softmax-no-max", ce, "softmax-overflow", /^A2 is non-finite where the naive softmax is, at z up to .*subtract max z/],
    ["naive-softplus", smooth, "softplus-overflow", /^A2 is non-finite where the naive softplus is, at z up to 8\d\d/],
  ])("%s: a forward answer on a saturated case gets exactly its hint", async (mutation, network, kind, message) => {
    const request = makeCase(network, 2, "saturated", SEED);
    const actual = await plainNetwork(mutation).forward(request);
    const targets = request.inputs.map(() => new Array<number>(network.layers.at(-1)!).fill(0));
    const exact = oracle.gradients(network, request.params, request.inputs, targets);
    const comparison = compareForward(request, actual, { dtype: "float64", oracle }, exact);
    expect(comparison.ok).toBe(false);
    const hints = diagnoseForward(network, exactToNumbers(exact), actual, comparison);
    expect(kinds(hints)).toEqual([kind]);
    expect(hints[0]!.message).toMatch(message);
  });

  it("names no bug for the correct plain implementation's answers on saturated cases, nor for unstructured errors", async () => {
    const rng = createRng(SEED);
    for (const network of [bce, ce, reduced(ce, "mean_all"), reduced(smooth, "sum"), softmaxSquared]) {
      for (const variant of ["plain", "saturated"] as const) {
        const request = makeCase(network, 3, variant, SEED);
        const right = await plainNetwork().gradients(request);
        const { comparison } = diagnosed(request, right);
        expect(comparison.ok, `${JSON.stringify(network)} ${variant}, seed ${SEED}`).toBe(true);
        const noisy = { cost: right.cost * (1 + 0.1 * rng.uniform(-1, 1)), grads: right.grads.map(({ W, b }) => ({ W: W.map((r) => r.map((x) => x * (1 + 0.1 * rng.uniform(-1, 1)))), b: b.map((x) => x * (1 + 0.1 * rng.uniform(-1, 1))) })) };
        const wrong = diagnosed(request, noisy);
        // (a saturated case's gradients may be ~0, untouched by relative noise: then only the cost is wrong, one entry)
        if (wrong.comparison.failures.length > 1) expect(wrong.hints, `${JSON.stringify(network)} ${variant}, seed ${SEED}`).toEqual([]);
      }
    }
  });
});
