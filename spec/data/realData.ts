import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where the seed's real CSV is looked for: env NNCHECK_REAL_DATA, else `../shared/data/…` beside the repo. */
export const REAL_DATA_PATH =
  process.env["NNCHECK_REAL_DATA"] ??
  fileURLToPath(new URL("../../../shared/data/light_dark_font_training_set.csv", import.meta.url));

/** Whether the real CSV is present (tests that need it are skipped, with this path in their title, otherwise). */
export const REAL_DATA_PRESENT = existsSync(REAL_DATA_PATH);

/** A test-title suffix that says why a real-data test ran or was skipped. */
export const REAL_DATA_NOTE = REAL_DATA_PRESENT
  ? `(real CSV at ${REAL_DATA_PATH})`
  : `(SKIPPED: real CSV not found at ${REAL_DATA_PATH}; set NNCHECK_REAL_DATA to its path)`;
