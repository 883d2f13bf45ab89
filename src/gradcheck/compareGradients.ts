import type { GradientsRequest, GradientsResult } from "../implementation.ts";
import { paramEntries, verdict, type CompareOptions, type Comparison } from "./comparison.ts";
import { entryResult, type EntryResult } from "./entryResult.ts";
import { exactGradientsWithScales } from "./exactGradientsWithScales.ts";

/** Compares a `gradients` answer with the oracle: `cost`, then every `W1[i][j]`, `b1[i]`, … */
export function compareGradients(request: GradientsRequest, actual: GradientsResult, options: CompareOptions, exactWithScales = exactGradientsWithScales(request, options)): Comparison {
  const { exact, scales } = exactWithScales;
  const n = request.inputs.length;
  const entries: EntryResult[] = [entryResult("cost", exact.cost, actual.cost, options.dtype, scales.cost, `mean of ${n}×${request.network.layers.at(-1)} squared errors`)];
  const problems: string[] = [];
  entries.push(...paramEntries(exact.grads, actual.grads, scales.grads, options.dtype, problems, (l, kind, i, j) => {
    const local = kind === "W" ? scales.gradsLocal[l]!.W[i]![j!]! : scales.gradsLocal[l]!.b[i]!;
    const total = kind === "W" ? scales.grads[l]!.W[i]![j!]! : scales.grads[l]!.b[i]!;
    const kink = scales.layers[l]!.ambiguous.some((row) => row[i]) ? "; unit's ReLU input within rounding of 0: either branch" : "";
    return `local ${local.toPrecision(3)} for the ${n}-sample sum, propagated ${(total - local).toPrecision(3)} from delta and a${kink}`;
  }));
  return verdict(entries, problems);
}

