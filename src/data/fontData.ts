import type { Matrix } from "../network/types.ts";

/** A font label: 1 = dark font (bright background), 0 = light font, as in the seed's CSV. */
export type FontLabel = 0 | 1;

/**
 * Font-colour samples in the seed's shapes: `rgb[sample]` = [R, G, B] in 0–255,
 * `inputs[sample]` = rgb / 255 (the network's a0), `targets[sample]` = [label].
 */
export interface FontData {
  readonly rgb: Matrix;
  readonly inputs: Matrix;
  readonly targets: Matrix;
}

/** Builds `FontData` from colours (0–255) and their labels; inputs are rgb / 255 like the seed's `/ 255.0`. */
export function makeFontData(rgb: Matrix, labels: readonly FontLabel[]): FontData {
  if (rgb.length !== labels.length) {
    throw new RangeError(`makeFontData: expected one label per colour, got ${rgb.length} colours and ${labels.length} labels`);
  }
  return {
    rgb: rgb.map((colour) => [...colour]),
    inputs: rgb.map((colour) => colour.map((c) => c / 255)),
    targets: labels.map((label) => [label]),
  };
}

/** The samples at `indices`, in that order (a new `FontData`; the input is not changed). */
export function selectSamples(data: FontData, indices: readonly number[]): FontData {
  const pick = (m: Matrix, i: number): readonly number[] => {
    const row = m[i];
    if (row === undefined) throw new RangeError(`selectSamples: index ${i} is out of range for ${m.length} samples`);
    return row;
  };
  return {
    rgb: indices.map((i) => pick(data.rgb, i)),
    inputs: indices.map((i) => pick(data.inputs, i)),
    targets: indices.map((i) => pick(data.targets, i)),
  };
}
