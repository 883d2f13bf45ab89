/** The font-colour data of the seed: types, the CSV loader, the labelling rule, a generator and a split. */
export type { FontData, FontLabel } from "./fontData.ts";
export { makeFontData, selectSamples } from "./fontData.ts";
export { FontDataError } from "./FontDataError.ts";
export { FONT_CSV_COLUMNS, parseFontCsv } from "./parseFontCsv.ts";
export { loadFontCsv } from "./loadFontCsv.ts";
export { darkFontLabel } from "./darkFontLabel.ts";
export { REAL_DATA_SIZE, generateFontData } from "./generateFontData.ts";
export type { FontDataSplit } from "./splitFontData.ts";
export { splitFontData } from "./splitFontData.ts";
