import type { Params } from "../network/types.ts";
import { createRng } from "../random/rng.ts";

/** When `fd/full` samples the gradient's entries instead of checking every one, and which. */
export interface EntrySampleOptions {
  /** Sample when the parameter count P exceeds this. Default FD_FULL_SAMPLE_ABOVE (5,000). */
  readonly above?: number;
  /** Entries in the sample. Default FD_FULL_SAMPLE_SIZE (192). */
  readonly size?: number;
  /** The sample's seed. Default 1. */
  readonly seed?: number;
}

/** Above this many parameters `fd/full` checks a sample: every entry costs ~6 evaluations of an O(P) cost, O(P²) in all. */
export const FD_FULL_SAMPLE_ABOVE = 5_000;
/** The sample's size: about 1,200 cost evaluations per case. */
export const FD_FULL_SAMPLE_SIZE = 192;

/**
 * A seeded sample of flat parameter indices (ascending, the order of `flattenParams`), or undefined when P is within
 * the threshold (check them all). Every layer's W and b are represented: each of the 2L blocks first gets
 * ⌊size / 4L⌋ entries (at least 1, at most the block), drawn uniformly within it; the rest are drawn uniformly
 * from all P entries not yet taken.
 */
export function sampleEntries(params: Params, options: EntrySampleOptions = {}): { readonly indices: number[]; readonly seed: number } | undefined {
  const above = options.above ?? FD_FULL_SAMPLE_ABOVE, seed = options.seed ?? 1;
  const blocks: { readonly start: number; readonly length: number }[] = [];
  let P = 0;
  for (const { W, b } of params) {
    const weights = W.length * (W[0]?.length ?? 0);
    blocks.push({ start: P, length: weights }, { start: P + weights, length: b.length });
    P += weights + b.length;
  }
  if (P <= above) return undefined;
  const size = Math.min(P, Math.max(options.size ?? FD_FULL_SAMPLE_SIZE, blocks.length));
  const rng = createRng(seed);
  const taken = new Set<number>();
  const perBlock = Math.max(1, Math.floor(size / (2 * blocks.length)));
  for (const { start, length } of blocks) {
    for (let have = 0, want = Math.min(length, perBlock); have < want;) {
      const i = start + rng.int(length);
      if (!taken.has(i)) (taken.add(i), have++);
    }
  }
  while (taken.size < size) taken.add(rng.int(P));
  return { indices: [...taken].sort((a, b) => a - b), seed };
}
