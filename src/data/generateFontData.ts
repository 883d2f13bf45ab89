import type { Rng } from "../random/rng.ts";
import { darkFontLabel } from "./darkFontLabel.ts";
import type { FontData, FontLabel } from "./fontData.ts";
import { makeFontData } from "./fontData.ts";

/** The number of rows in the seed's real CSV, and so the default size of generated data. */
export const REAL_DATA_SIZE = 1345;

/**
 * `size` font-colour samples with R, G, B uniform integers in 0–255 drawn from `rng`,
 * labelled by `darkFontLabel` (the rule the published data follows exactly).
 */
export function generateFontData(rng: Rng, size: number = REAL_DATA_SIZE): FontData {
  if (!(Number.isSafeInteger(size) && size >= 1)) {
    throw new RangeError(`generateFontData: size must be a positive integer, got ${size}`);
  }
  const rgb: number[][] = [];
  const labels: FontLabel[] = [];
  for (let i = 0; i < size; i++) {
    const r = rng.int(256), g = rng.int(256), b = rng.int(256);
    rgb.push([r, g, b]);
    labels.push(darkFontLabel(r, g, b));
  }
  return makeFontData(rgb, labels);
}
