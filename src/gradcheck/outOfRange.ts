import { DTYPES, type Dtype } from "./dtypes.ts";
import type { EntryResult } from "./entryResult.ts";
import type { ExactGradients } from "./exactGradients.ts";
import { reductionWeight } from "../family/costs.ts";
import type { NetworkSpec } from "../network/types.ts";

/**
 * The first entry a `dtype` implementation cannot be held to — its exact value rounds to ±Infinity in the dtype
 * (float16: beyond 65520), or, with `carried` (a train run, whose scales carried step to step may exceed the range:
 * a correct run may then leave it), that value plus its tolerance does — or undefined. A case with such an entry
 * asks what the dtype cannot answer: the checks leave it out and say so, rather than fail it or count it as passing.
 */
export function outOfRange(entries: readonly EntryResult[], dtype: Dtype, carried = false): EntryResult | undefined {
  const { round } = DTYPES[dtype];
  return entries.find((e) => Number.isFinite(e.expected) && !Number.isFinite(round(Math.abs(e.expected) + (carried ? e.tolerance : 0))));
}

/** Why an out-of-range entry's case was left out, in one phrase: `cost = 1.51e+6 is beyond float16's largest finite value 65504`. */
export function outOfRangeReason(entry: EntryResult, dtype: Dtype): string {
  const what = Number.isFinite(DTYPES[dtype].round(entry.expected)) ? ` ± its tolerance ${entry.tolerance.toPrecision(3)}` : "";
  return `${entry.entry} = ${entry.expected.toPrecision(3)}${what} is beyond ${dtype}'s largest finite value ${DTYPES[dtype].max.toPrecision(5)}`;
}

/**
 * Why a case is beyond `dtype`'s range before anything is sent, or undefined: some exact value of its passes — z
 * and a of every layer, the cost, dC/dz of every layer and dC/da of the hidden ones (the output's, −y/a for the
 * cross-entropies, a stable implementation never forms), the gradients — rounds to ±Infinity in the dtype. The cost and the backward
 * values are taken without the reduction's weight w (an implementation may apply it last, to a sum of per-sample
 * terms); terms inside a sum are not looked at.
 */
export function passOutOfRange(exact: ExactGradients, network: NetworkSpec, samples: number, dtype: Dtype): string | undefined {
  const { round, max } = DTYPES[dtype];
  const unweighted = 1 / reductionWeight(network.reduction, samples, network.layers.at(-1)!);
  const beyond = (name: string, values: readonly number[], factor = 1): string | undefined => {
    const v = values.find((x) => Number.isFinite(x) && !Number.isFinite(round(x * factor)));
    return v === undefined ? undefined : `${name} = ${(v * factor).toPrecision(3)}${factor === 1 ? "" : " before the reduction's weight"} is beyond ${dtype}'s largest finite value ${max.toPrecision(5)}`;
  };
  const last = exact.layers.length - 1;
  for (const [l, layer] of exact.layers.entries()) {
    const found = beyond(`z${l + 1}`, layer.z.flat()) ?? beyond(`a${l + 1}`, layer.a.flat()) ?? beyond(`dC/dz${l + 1}`, layer.delta.flat(), unweighted)
      ?? (l === last ? undefined : beyond(`dC/da${l + 1}`, layer.dC_dA.flat(), unweighted));
    if (found !== undefined) return found;
  }
  for (const [l, { W, b }] of exact.grads.entries()) {
    const found = beyond(`dC/dW${l + 1}`, W.flat(), unweighted) ?? beyond(`dC/db${l + 1}`, b, unweighted);
    if (found !== undefined) return found;
  }
  return beyond("the cost", [exact.cost], unweighted);
}
