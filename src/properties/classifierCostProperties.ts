/**
 * Properties of the classifiers' costs: the cross-entropy on a softmax output (C = (1/n) Σ_s −Σ_k y_sk ln a_sk)
 * and the binary cross-entropy on a logistic one (C = (1/n) Σ_s −Σ_k [y ln a + (1 − y) ln(1 − a)]).
 */
import fc from "fast-check";
import { biasName, layerValueName } from "../gradcheck/index.ts";
import type { Check } from "../harness/check.ts";
import type { Params } from "../network/types.ts";
import { forwardRequestOf, gradientsRequestOf, networkCaseArb, oneHot, smoothedOneHot, smoothingOf, uniformDouble, type NetworkCase } from "./arbitraries/index.ts";
import { engineTolerances, oracleRemark } from "./engineTolerances.ts";
import { forwardAnswer, gradientsAnswer } from "./networkAnswers.ts";
import { BINARY_NETWORK, CLASSIFIER_NETWORK, propertyId, type PropertyShape } from "./networks.ts";
import { propertyCheck } from "./propertyCheck.ts";
import { assertRelation, namedGradients, ownRounding, paramsRelation, rangeEntry, relationEntry, toleranceOf } from "./relation.ts";

const U64 = 2 ** -53;
const BOTH_SIDES = "2 × the engine's tolerance on each side";

/** The entropy −Σ_k y_k ln y_k of a probability vector (0·ln 0 = 0): the least cross-entropy any a gives it. */
export function entropy(y: readonly number[]): number {
  return y.reduce((h, yk) => (yk > 0 ? h - yk * Math.log(yk) : h), 0);
}

/** The logit margin of the hit cases: class k's logit exceeds every other by at least this much on every sample. */
export const HIT_MARGIN = 40;

/** A grid for the raised bias (multiples of 2^−10, exact in float32 for |b| < 2^13). */
const BIAS_GRID = 2 ** -10;

/**
 * The case's params with the output bias of class `hot` raised so that z_L[s][hot] − z_L[s][j] ≥ `margin` for every
 * sample s and class j ≠ hot (from the exact forward pass, the raised bias rounded up to a multiple of 2^−10).
 */
function withWinningClass(c: NetworkCase, hot: number, margin: number, forward: (params: Params) => readonly (readonly number[])[]): Params {
  const last = c.params.length - 1;
  const z = forward(c.params);
  const bk = c.params[last]!.b[hot]!;
  const need = Math.max(...z.map((zs) => Math.max(...zs.map((zj, j) => (j === hot ? -Infinity : zj - (zs[hot]! - bk))))));
  const raised = Math.ceil((need + margin) / BIAS_GRID) * BIAS_GRID;
  return c.params.map((p, l) => (l === last ? { W: p.W, b: p.b.map((v, i) => (i === hot ? raised : v)) } : p));
}

/** Params with the output layer negated (W_L → −W_L, b_L → −b_L): z_L → −z_L exactly. */
function negateOutputLayer(params: Params): Params {
  const last = params.length - 1;
  return params.map(({ W, b }, l) => (l === last ? { W: W.map((row) => row.map((w) => -w)), b: b.map((v) => -v) } : { W, b }));
}

/** Targets on the 2^−20 grid, so that 1 − y is exact in float32 and float64. */
const onGrid = (y: number): number => Math.round(y * 2 ** 20) / 2 ** 20;

/**
 * The classifier cost properties on the built-in classifiers or, given a declared `shape`, those that fit it: the
 * cross-entropy ones on a softmax output with cross_entropy reduced by the mean (zero-iff-hit with 2 classes or
 * more), bce-complement on a logistic output with binary_cross_entropy.
 */
export function classifierCostProperties(shape?: PropertyShape): Check[] {
  const ceShape = shape ?? { network: CLASSIFIER_NETWORK };
  const bceShape = shape ?? { network: BINARY_NETWORK };
  const ce = ceShape.network;
  const bce = bceShape.network;
  const K = ce.layers.at(-1)!;
  const epsilon = smoothingOf(K);
  const ceFits = ce.cost === "cross_entropy" && (ce.reduction ?? "mean") === "mean";
  const bceFits = bce.cost === "binary_cross_entropy";
  return [
    ...(!ceFits ? [] : [propertyCheck({
      id: propertyId("property/cost/cross-entropy-nonnegative", ceShape),
      description: "The batch cross-entropy is finite and ≥ the mean entropy of its targets, (1/n)Σ_s −Σ_k y ln y ≥ 0 (Gibbs' inequality; 0 for one-hot targets), within twice the engine's cost tolerance, for random params, inputs and probability-vector targets.",
      needs: { methods: ["gradients"], networks: [ce] },
      casesPerRun: 1,
      arbitrary: () => networkCaseArb(ce, { paramRange: [-2, 2] }),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const { cost } = await gradientsAnswer(context, request);
        const H = c.targets.reduce((sum, y) => sum + entropy(y), 0) / c.targets.length;
        const slack = 2 * toleranceOf(engineTolerances(request, context).byEntry, "cost") + 4 * K * U64 * H;
        assertRelation("C ≥ mean entropy of the targets ≥ 0", [
          rangeEntry("cost", cost, H - slack, Number.MAX_VALUE, `−Σ y ln a ≥ −Σ y ln y: mean target entropy ${H}`),
        ], { cost, meanTargetEntropy: H });
      },
    })]),
    ...(!(ceFits && K >= 2) ? [] : [propertyCheck({
      id: propertyId("property/cost/cross-entropy-zero-iff-hit", ceShape),
      description: `With the output bias of a class k raised until its logit wins by ≥ ${HIT_MARGIN} on every sample, one-hot targets on k give C ≤ (K − 1)·e^−${HIT_MARGIN - 1} (0 to float precision, within twice the engine's tolerance), while one sample's target moved to another class gives C ≥ ${HIT_MARGIN - 1}/n and smoothed (ε = ${epsilon} on each other class) C ≥ (K − 1)·ε·${HIT_MARGIN - 1}/n: the cross-entropy is 0 only on one-hot targets the network hits.`,
      needs: { methods: ["gradients"], networks: [ce] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => fc.record({ c: networkCaseArb(ce), hot: fc.nat(K - 1), shift: fc.integer({ min: 1, max: K - 1 }), pick: fc.nat(3), margin: uniformDouble(HIT_MARGIN, HIT_MARGIN + 8) }),
      predicate: async ({ c, hot, shift, pick, margin }, context) => {
        const last = c.params.length - 1;
        const params = withWinningClass(c, hot, margin, (p) => context.oracle.forward(ce, p, c.inputs)[last]!.z.map((row) => row.map((v) => v.toNumber())));
        const n = c.inputs.length;
        const s = pick % n;
        const hit = c.inputs.map(() => oneHot(K, hot));
        const miss = hit.map((y, t) => (t === s ? oneHot(K, (hot + shift) % K) : y));
        const soft = hit.map((y, t) => (t === s ? smoothedOneHot(K, hot) : y));
        const request = (targets: number[][]) => ({ network: ce, params, inputs: c.inputs, targets });
        const [atHit, atMiss, atSoft] = await Promise.all([gradientsAnswer(context, request(hit)), gradientsAnswer(context, request(miss)), gradientsAnswer(context, request(soft))]);
        const tol = toleranceOf(engineTolerances(request(hit), context).byEntry, "cost");
        const hitBound = (K - 1) * Math.exp(-(HIT_MARGIN - 1));
        assertRelation(`C = 0 only on one-hot targets the network hits (class ${hot}, sample ${s} moved)`, [
          rangeEntry("cost, one-hot targets hit", atHit.cost, -2 * tol, hitBound + 2 * tol, `every −ln a_k = ln(1 + Σ_j e^−(z_k − z_j)) ≤ (K − 1)e^−${HIT_MARGIN - 1}`),
          rangeEntry(`cost, sample ${s}'s target on class ${(hot + shift) % K}`, atMiss.cost, (HIT_MARGIN - 1) / n, Number.MAX_VALUE, `−ln a_j ≥ z_k − z_j ≥ ${HIT_MARGIN - 1} for that sample`),
          rangeEntry(`cost, sample ${s}'s target smoothed`, atSoft.cost, ((K - 1) * epsilon * (HIT_MARGIN - 1)) / n, Number.MAX_VALUE, `ε·Σ_{j≠k} −ln a_j ≥ (K − 1)·ε·${HIT_MARGIN - 1} for that sample`),
        ], { hot, sample: s, outputBias: params[last]!.b, costs: { hit: atHit.cost, miss: atMiss.cost, soft: atSoft.cost } });
      },
    })]),
    ...(!bceFits ? [] : [propertyCheck({
      id: propertyId("property/cost/bce-complement", bceShape),
      description: "BCE mirrors under y → 1 − y and z_L → −z_L (W_L, b_L negated): the cost and the hidden layers' gradients are unchanged and the output layer's are negated, since max(−z, 0) + (1 − y)z = max(z, 0) − yz and σ(−z) − (1 − y) = −(σ(z) − y); 2 × the engine's tolerance on each side.",
      needs: { methods: ["gradients"], networks: [bce] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => networkCaseArb(bce).map((c) => ({ ...c, targets: c.targets.map((y) => y.map(onGrid)) })),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const mirrored = { ...request, params: negateOutputLayer(c.params), targets: c.targets.map((y) => y.map((yk) => 1 - yk)) };
        const [g0, g1] = await Promise.all([gradientsAnswer(context, request), gradientsAnswer(context, mirrored)]);
        const exact = engineTolerances(request, context);
        const tol0 = exact.byEntry, tol1 = engineTolerances(mirrored, context).byEntry;
        const terms = c.inputs.length + Math.max(...bce.layers) + 1;
        const tolerance = (name: string, a: number, b: number) => 2 * toleranceOf(tol0, name) + 2 * toleranceOf(tol1, name) + ownRounding(a, b, terms, context.dtype);
        const entries = [
          relationEntry("cost", g0.cost, g1.cost, tolerance("cost", g0.cost, g1.cost), BOTH_SIDES),
          ...paramsRelation(negateOutputLayer(g0.grads), g1.grads, tolerance, `${BOTH_SIDES}; the output layer's gradients negated`),
        ];
        assertRelation("BCE(1 − y, −z) = BCE(y, z)", entries, { original: g0, mirrored: g1 }, () => oracleRemark(exact, namedGradients(g0)));
      },
    })]),
    ...(!ceFits ? [] : [propertyCheck({
      id: propertyId("property/cost/cross-entropy-output-gradient", ceShape),
      description: "Through softmax and the cross-entropy δ_L = (A_L − Y)/n: dC/db_L = (1/n)·Σ_samples (A_L − Y) from the implementation's own forward outputs (the Jacobian product, not a ⊙ (1 − a), and the 1/n of the mean).",
      needs: { methods: ["forward", "gradients"], networks: [ce] },
      casesPerRun: 1,
      shrinkBudget: 100,
      arbitrary: () => networkCaseArb(ce, { paramRange: [-2, 2] }),
      predicate: async (c, context) => {
        const request = gradientsRequestOf(c);
        const [{ layers }, { grads }] = await Promise.all([forwardAnswer(context, forwardRequestOf(c)), gradientsAnswer(context, request)]);
        const { byEntry } = engineTolerances(request, context);
        const L = layers.length - 1;
        const n = c.inputs.length;
        const entries = grads[L]!.b.map((db, o) => {
          const errors = layers[L]!.a.map((row, s) => row[o]! - c.targets[s]![o]!);
          const expected = errors.reduce((sum, e) => sum + e, 0) / n;
          const fromA = layers[L]!.a.reduce((sum, _, s) => sum + 2 * toleranceOf(byEntry, layerValueName("A", L, s, o)), 0) / n;
          const rounding = ((n + 2) * U64 * errors.reduce((sum, e) => sum + Math.abs(e), 0)) / n;
          return relationEntry(biasName(L, o), expected, db, 2 * toleranceOf(byEntry, biasName(L, o)) + fromA + rounding, "2 × the engine's tolerance for db_L, and for each A_L; float64 rounding of the sum");
        });
        assertRelation("dC/db_L = (1/n)Σ(A_L − Y) for softmax + cross-entropy", entries, { outputs: layers[L]!.a, targets: c.targets, grads: grads[L]!.b });
      },
    })]),
  ];
}
