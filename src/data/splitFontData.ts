import type { Rng } from "../random/rng.ts";
import type { FontData } from "./fontData.ts";
import { selectSamples } from "./fontData.ts";

/** A train/test split of some `FontData`. */
export interface FontDataSplit {
  readonly train: FontData;
  readonly test: FontData;
}

/**
 * Shuffles the samples with `rng` and puts the first ceil(testFraction · n) in `test`, the rest in `train`
 * (as the seed's `train_test_split(test_size=1/3)`: 1,345 samples → 896 train, 449 test).
 */
export function splitFontData(data: FontData, rng: Rng, testFraction = 1 / 3): FontDataSplit {
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`splitFontData: testFraction must be in (0, 1), got ${testFraction}`);
  }
  const n = data.rgb.length;
  const nTest = Math.ceil(testFraction * n);
  if (nTest >= n) {
    throw new RangeError(`splitFontData: ${n} samples leave no training sample with testFraction ${testFraction}`);
  }
  const order = shuffledIndices(n, rng);
  return {
    train: selectSamples(data, order.slice(nTest)),
    test: selectSamples(data, order.slice(0, nTest)),
  };
}

/** 0 … n−1 in a uniformly random order (Fisher–Yates). */
function shuffledIndices(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
