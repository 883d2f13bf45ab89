import type { Check } from "./check.ts";
import { RunSetupError } from "./RunSetupError.ts";

/** fast-check's replay path: run and shrink indices separated by colons, e.g. `3:1:0`. */
const REPLAY_PATH = /^\d+(:\d+)*$/;

/**
 * Checks a `--replay` request before anything runs: `path` must be a replay path as a failing property prints it,
 * and `checks` (the selection) must be exactly one property (only properties have counterexamples to replay).
 * Anything else is a `RunSetupError` naming what is wrong.
 */
export function checkReplay(path: string, checks: readonly Check[]): void {
  if (!REPLAY_PATH.test(path)) {
    throw new RunSetupError(`--replay ${JSON.stringify(path)} is not a replay path: expected numbers separated by colons, e.g. "3:1:0", as a failing property prints it`);
  }
  if (checks.length !== 1) {
    throw new RunSetupError(`--replay replays one property's counterexample, but ${checks.length} checks are selected; add --only <that property's id>`);
  }
  const [check] = checks;
  if (!check!.id.startsWith("property/")) { // the property checks are the ones with counterexamples (src/checks/propertyChecks.ts)
    throw new RunSetupError(`--replay applies to a property (property/…), but the selected check is ${check!.id}, which has no counterexample to replay`);
  }
}
