import type { FontLabel } from "./fontData.ts";

/**
 * The rule every label of the seed's data follows: 1 (dark font) iff 0.299·R + 0.587·G + 0.114·B > 127.5
 * for R, G, B in 0–255, computed in integers (299R + 587G + 114B > 127500) so that ties are exact.
 */
export function darkFontLabel(r: number, g: number, b: number): FontLabel {
  return 299 * r + 587 * g + 114 * b > 127_500 ? 1 : 0;
}
