import type { ForwardRequest, ForwardResult } from "../implementation.ts";
import type { OracleGradients } from "../oracle/index.ts";
import { sameShape, verdict, type CompareOptions, type Comparison } from "./comparison.ts";
import { entryResult, layerValueName, type EntryResult } from "./entryResult.ts";
import { exactToNumbers } from "./exactGradients.ts";
import { exactGradientsWithScales, oracleGradientsFor } from "./exactGradientsWithScales.ts";

/** A forward comparison's part that does not depend on the answer: the exact values as numbers and their scales. */
export type PreparedForward = ReturnType<typeof exactGradientsWithScales>;

/** The answer-independent part of `compareForward`, to compare several answers to one request without recomputing it. */
export function prepareForward(request: ForwardRequest, options: CompareOptions, exactGradients?: OracleGradients): PreparedForward {
  const targets = request.inputs.map(() => new Array<number>(request.network.layers.at(-1)!).fill(0));
  const withTargets = { ...request, targets };
  return exactGradientsWithScales(withTargets, options, undefined, exactToNumbers(exactGradients ?? oracleGradientsFor(withTargets, options)));
}

/**
 * Compares a `forward` answer with the oracle, entry by entry (`Z1[s][i]`, `A1[s][i]`, …); `exact` may be the
 * oracle's gradients for the same params and inputs (any targets), to save an evaluation; `prepared`: `prepareForward`
 * of the same request and options, when several answers are compared with it.
 */
export function compareForward(request: ForwardRequest, actual: ForwardResult, options: CompareOptions, exactGradients?: OracleGradients, prepared?: PreparedForward): Comparison {
  const { exact, scales } = prepared ?? prepareForward(request, options, exactGradients);
  const entries: EntryResult[] = [], problems: string[] = [];
  if (actual.layers.length !== exact.layers.length) problems.push(`layers has ${actual.layers.length} entries, expected ${exact.layers.length}`);
  exact.layers.forEach((layer, l) => {
    const got = actual.layers[l];
    if (!got) return;
    for (const [what, key] of [["Z", "z"], ["A", "a"]] as const) {
      if (!sameShape(`${what}${l + 1}`, layer[key], got[key], problems)) continue;
      layer[key].forEach((row, s) => row.forEach((x, i) => {
        const scale = scales.layers[l]![key][s]![i]!;
        const kink = key === "z" ? "" : scales.layers[l]!.ambiguous[s]![i] ? "; ReLU input within rounding of 0: either branch" : "";
        entries.push(entryResult(layerValueName(what, l, s, i), x, got[key][s]![i]!, options.dtype, scale, `dot product of ${request.network.layers[l]! + 1} terms and what its inputs carry${kink}`));
      }));
    }
  });
  return verdict(entries, problems);
}

