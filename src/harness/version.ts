import { readFileSync } from "node:fs";

/** nncheck's version, from package.json. */
export const NNCHECK_VERSION: string = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
