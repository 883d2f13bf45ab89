/**
 * Constant-factor hypotheses, per parameter group (W_l, b_l) and for the cost: is the answer k × the exact value
 * for k = 2, ½, −1, or a factor of the batch reduction (n, 1/n; K or n·K under mean_all)? Groups sharing a factor are
 * named together, so "every gradient is ½×" (a cost convention) and "only the biases are n×" (a bias gradient summed
 * over the batch) read as what they are. Each factor is explained in the network's own terms — its declared cost
 * (the ½ convention of squared_error and half_squared_error, the cross-entropy's δ = (a − y)/n) and reduction — and
 * where two explanations give the same k (n = 2, K = 2) both are named.
 */
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsResult } from "../implementation.ts";
import type { NetworkSpec } from "../network/types.ts";
import { differs, listNames, matchesAll, type ParamGroup } from "./paramGroups.ts";

interface Explanation {
  readonly k: number;
  /** "2×", "½×", "the negative of", "4× (n = 4 samples)" */
  readonly phrase: string;
  /** When it is not the first explanation of its k: the coincidence that makes it one ("with n = 2"). */
  readonly coincidence: string;
  readonly kind: (groups: readonly string[], allParams: boolean) => string;
  readonly why: (groups: readonly string[], allParams: boolean, costToo: boolean) => string;
  /** Whether it can explain these groups (a reduction changes every gradient and the cost; a slip in dC/dA not the cost). */
  readonly applies: (groups: readonly string[], allParams: boolean, costToo: boolean) => boolean;
}

const biasesOnly = (groups: readonly string[]) => groups.length > 0 && groups.every((g) => g.startsWith("b"));
/** Another reduction than the declared one changes the cost and every gradient alike. */
const wholeReduction = (_groups: readonly string[], allParams: boolean, costToo: boolean) => allParams && costToo;

/**
 * Whether a cost-convention reading of k can apply to every gradient (a factor in dC/dA reaches them all): with the
 * cost k× too only as the other squared error taken for the declared one; otherwise a slip that leaves the cost right.
 */
function conventionApplies(network: NetworkSpec, k: 2 | 0.5, costToo: boolean): boolean {
  const switched = (k === 2 && network.cost === "half_squared_error") || (k === 0.5 && network.cost === "squared_error");
  return switched || !costToo;
}

/** The ½ convention, named by the cost the network declares and the one the answer matches. */
function conventionWhy(network: NetworkSpec, k: 2 | 0.5, costToo: boolean): string {
  const declared = network.cost;
  if (k === 2 && declared === "half_squared_error") {
    return costToo
      ? `the network declares half_squared_error (c = ½Σ(a − y)²), but the cost and its gradients are squared_error's (Σ(a − y)², dc/da = 2(a − y)): declare "squared_error" if that is the cost meant`
      : `the ½ convention mixed up: the network declares half_squared_error, whose dc/da = a − y, but the gradients are squared_error's 2(a − y) while the cost is the ½ one`;
  }
  if (k === 0.5 && declared === "squared_error") {
    return costToo
      ? `the network declares squared_error (c = Σ(a − y)²), but the cost and its gradients are half_squared_error's (½Σ(a − y)², dc/da = a − y): declare "half_squared_error" if ½(a − y)² is the cost meant`
      : `the ½ convention mixed up: the network declares squared_error, whose dc/da = 2(a − y), but the gradients are half_squared_error's a − y while the cost is the full one — a 2 missing from dC/dA`;
  }
  if (declared === "squared_error") return "a doubled 2 in dC/dA (2·2(a − y))?";
  if (declared === "half_squared_error") return "dc/da = ½(a − y) for half_squared_error, whose dc/da is a − y: the ½ applied twice?";
  return `a stray factor ${k === 2 ? "2" : "½"} in δ_L = dC/dz_L (${declared}'s is w·(a − y))?`;
}

/** The explanations for a network's answer on a batch of n samples, the cost conventions first. */
function explanations(network: NetworkSpec, n: number): Explanation[] {
  const K = network.layers.at(-1)!;
  const ce = network.cost === "cross_entropy";
  const list: Explanation[] = [
    { k: 2, phrase: "2×", coincidence: "", kind: () => "factor-2", why: (_, __, costToo) => conventionWhy(network, 2, costToo), applies: (_, all, costToo) => all && conventionApplies(network, 2, costToo) },
    { k: 0.5, phrase: "½×", coincidence: "", kind: () => "factor-half", why: (_, __, costToo) => conventionWhy(network, 0.5, costToo), applies: (_, all, costToo) => all && conventionApplies(network, 0.5, costToo) },
    { k: -1, phrase: "the negative of", coincidence: "", kind: () => "sign-flip", why: () => "a sign flip: dC/dA = y − a instead of a − y (or the descent direction folded into the gradient)?", applies: () => true },
  ];
  const reduction = network.reduction ?? "mean";
  if (reduction === "mean" || (reduction === "mean_all" && K === 1)) {
    list.push(
      {
        k: n, phrase: `${n}× (n = ${n} samples)`, coincidence: `with n = ${n}`,
        kind: (groups, all) => (!all && biasesOnly(groups) ? "bias-batch-sum" : "batch-sum"),
        why: (groups, all, costToo) =>
          !all && biasesOnly(groups) ? "only the biases: the bias gradient summed over the batch (Σ_s δ without / n) while the weight gradients are averaged"
          : ce && all && !costToo ? "the softmax cross-entropy gradient a − y without its 1/n: under the mean, δ_L = (a − y)/n, while the cost is averaged"
          : "summed over the batch instead of averaged (a missing 1/n)",
        applies: () => true,
      },
      { k: 1 / n, phrase: `1/${n}×`, coincidence: `with n = ${n}`, kind: () => "double-average", why: () => "divided by n twice (an average of an average)", applies: () => true },
    );
  } else if (reduction === "sum") {
    list.push({ k: 1 / n, phrase: `1/${n}×`, coincidence: `with n = ${n}`, kind: () => "reduction-mismatch", why: () => `the mean over the ${n} samples where the network declares reduction "sum" (network.reduction ignored?)`, applies: wholeReduction });
  } else {
    list.push(
      { k: K, phrase: `${K}× (K = ${K} outputs)`, coincidence: `with K = ${K} outputs`, kind: () => "reduction-mismatch", why: () => `divided by n = ${n} only where mean_all divides by n·K = ${n * K} (the mean over the samples and the outputs): mean_all taken as the mean?`, applies: wholeReduction },
      {
        k: n * K, phrase: `${n * K}× (n·K = ${n}·${K})`, coincidence: `with n·K = ${n * K}`,
        kind: (groups, all) => (!all && biasesOnly(groups) ? "bias-batch-sum" : "batch-sum"),
        why: (groups, all, costToo) =>
          !all && biasesOnly(groups) ? "only the biases: the bias gradient summed (Σ_s δ without / (n·K)) while the weight gradients are averaged"
          : ce && all && !costToo ? "the softmax cross-entropy gradient a − y without its 1/(n·K): under mean_all, δ_L = (a − y)/(n·K), while the cost is averaged"
          : `summed where mean_all averages over the ${n} samples and ${K} outputs (a missing 1/(n·K))`,
        applies: () => true,
      },
    );
  }
  return list.filter(({ k }) => k !== 1);
}

/** The factor hints for an answer (see the module comment); nothing for groups that pass or match no factor. */
export function factorHints(network: NetworkSpec, exact: ExactGradients, actual: GradientsResult, groups: readonly ParamGroup[], comparison: Comparison, n: number): Hint[] {
  const all = explanations(network, n);
  const ks = [...new Set(all.map((e) => e.k))];
  const kOf = (exactValues: readonly number[], actualValues: readonly number[]) =>
    ks.find((k) => {
      const predicted = exactValues.map((x) => k * x);
      return matchesAll(predicted, actualValues, exactValues) && differs(predicted, exactValues);
    });
  const byK = new Map<number, string[]>();
  for (const g of groups) {
    if (!g.failing || g.actual === undefined) continue;
    const k = kOf(g.exact, g.actual);
    if (k !== undefined) byK.set(k, [...(byK.get(k) ?? []), g.name]);
  }
  const costFailed = comparison.failures.some((e) => e.entry === "cost");
  const costK = costFailed && typeof actual.cost === "number" ? kOf([exact.cost], [actual.cost]) : undefined;
  if (costK !== undefined && !byK.has(costK)) byK.set(costK, []);
  return [...byK].flatMap(([k, names]): Hint[] => {
    const costToo = k === costK;
    const allParams = names.length === groups.length;
    // every group k× its exact value, the ones that pass included (a group of zeros is k× itself): a factor of the whole gradient
    const whole = groups.every((g) => names.includes(g.name) || (g.actual !== undefined && matchesAll(g.exact.map((x) => k * x), g.actual, g.exact)));
    const fitting = all.filter((e) => e.k === k && e.applies(names, whole, costToo));
    const [first, ...others] = fitting;
    if (first === undefined) return [];
    const subject = allParams ? `all gradients${costToo ? " and the cost" : ""}` : listNames([...names, ...(costToo ? ["the cost"] : [])]);
    const verb = allParams || names.length + (costToo ? 1 : 0) > 1 ? "are" : "is";
    const value = verb === "are" ? "values" : "value";
    const costNote = names.length > 0 && costFailed && !costToo ? " (the cost is wrong in another way)" : names.length > 0 && !costFailed ? " (the cost itself is right)" : "";
    const why = [first.why(names, whole, costToo), ...others.map((e) => `or — ${e.coincidence} — ${e.why(names, whole, costToo)}`)].join(", ");
    return [{ kind: first.kind(names, whole), message: `${subject} ${verb} ${first.phrase} the exact ${value}${costNote}: ${why}` }];
  });
}
