/**
 * Constant-factor hypotheses, per parameter group (W_l, b_l) and for the cost: is the answer k × the exact value
 * for k = 2, ½, −1, n or 1/n? Groups sharing a factor are named together, so "every gradient is ½×" (a cost
 * convention) and "only the biases are n×" (a bias gradient summed over the batch) read as what they are.
 */
import type { Comparison, ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsResult } from "../implementation.ts";
import { differs, listNames, matchesAll, type ParamGroup } from "./paramGroups.ts";

interface Factor {
  readonly k: number;
  /** "2×", "½×", "the negative of", "4× (n = 4 samples)" */
  readonly phrase: string;
  readonly kind: (groups: readonly string[], allParams: boolean) => string;
  readonly why: (groups: readonly string[], allParams: boolean, costToo: boolean) => string;
}

function factors(n: number): Factor[] {
  const withN2 = (s: string, alt: string) => (n === 2 ? `${s}, or — with n = 2 — ${alt}` : s);
  const list: Factor[] = [
    { k: 2, phrase: "2×", kind: () => "factor-2", why: () => withN2("a doubled 2 in dC/dA (2·2(a − y)/n)?", "a sum over the batch instead of a mean") },
    {
      k: 0.5, phrase: "½×", kind: () => "factor-half",
      why: (_, __, costToo) => withN2(`the ½(a − y)² cost convention (dC/dA = a − y), where nncheck's C = (1/n)·Σ(a − y)² needs dC/dA = 2(a − y)/n${costToo ? "" : " — a 2 missing from dC/dA"}`, "an average taken twice"),
    },
    { k: -1, phrase: "the negative of", kind: () => "sign-flip", why: () => "a sign flip: dC/dA = y − a instead of a − y (or the descent direction folded into the gradient)?" },
  ];
  if (n > 2) {
    const biasesOnly = (groups: readonly string[]) => groups.length > 0 && groups.every((g) => g.startsWith("b"));
    list.push(
      {
        k: n, phrase: `${n}× (n = ${n} samples)`,
        kind: (groups, all) => (!all && biasesOnly(groups) ? "bias-batch-sum" : "batch-sum"),
        why: (groups, all) => (!all && biasesOnly(groups) ? "only the biases: the bias gradient summed over the batch (Σ_s δ without / n) while the weight gradients are averaged" : "summed over the batch instead of averaged (a missing 1/n)"),
      },
      { k: 1 / n, phrase: `1/${n}×`, kind: () => "double-average", why: () => "divided by n twice (an average of an average)" },
    );
  }
  return list;
}

/** The factor hints for an answer (see the module comment); nothing for groups that pass or match no factor. */
export function factorHints(exact: ExactGradients, actual: GradientsResult, groups: readonly ParamGroup[], comparison: Comparison, n: number): Hint[] {
  const candidates = factors(n);
  const factorOf = (exactValues: readonly number[], actualValues: readonly number[]) =>
    candidates.find(({ k }) => {
      const predicted = exactValues.map((x) => k * x);
      return matchesAll(predicted, actualValues, exactValues) && differs(predicted, exactValues);
    });
  const byFactor = new Map<Factor, string[]>();
  for (const g of groups) {
    if (!g.failing || g.actual === undefined) continue;
    const f = factorOf(g.exact, g.actual);
    if (f !== undefined) byFactor.set(f, [...(byFactor.get(f) ?? []), g.name]);
  }
  const costFailed = comparison.failures.some((e) => e.entry === "cost");
  const costFactor = costFailed && typeof actual.cost === "number" ? factorOf([exact.cost], [actual.cost]) : undefined;
  if (costFactor !== undefined && !byFactor.has(costFactor)) byFactor.set(costFactor, []);
  return [...byFactor].map(([f, names]) => {
    const costToo = f === costFactor;
    const allParams = names.length === groups.length;
    const subject = allParams ? `all gradients${costToo ? " and the cost" : ""}` : listNames([...names, ...(costToo ? ["the cost"] : [])]);
    const verb = allParams || names.length + (costToo ? 1 : 0) > 1 ? "are" : "is";
    const value = verb === "are" ? "values" : "value";
    const costNote = names.length > 0 && costFailed && !costToo ? " (the cost is wrong in another way)" : names.length > 0 && !costFailed ? " (the cost itself is right)" : "";
    return { kind: f.kind(names, allParams), message: `${subject} ${verb} ${f.phrase} the exact ${value}${costNote}: ${f.why(names, allParams, costToo)}` };
  });
}
