/**
 * What `nncheck run` runs, once the implementation's hello has answered: the checks on the built-in shapes and on
 * the declared ones (its `networks`, then `--network`), selected, with `--replay`, `--require` and `--expect-fail`
 * matched against them.
 */
import { checksFor, declaredShapes } from "../checks/index.ts";
import type { Check } from "../harness/check.ts";
import { checkReplay } from "../harness/checkReplay.ts";
import { matchExpectedFailures, type ExpectedFailure } from "../harness/expectedFailures.ts";
import { requiredChecks, type RequiredBy } from "../harness/requiredChecks.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import type { Shard } from "../harness/runReport.ts";
import { selectChecks } from "../harness/selectChecks.ts";
import type { DeclaredNetwork, Hello } from "../implementation.ts";

/** The run's selection options, as parsed. */
export interface RunSelection {
  readonly only: readonly string[];
  readonly skip: readonly string[];
  readonly shard?: Shard;
  readonly require: readonly string[];
  readonly replay?: string;
  /** The `--expect-fail` file's entries, and its path for messages. */
  readonly expectFile?: { readonly path: string; readonly entries: readonly ExpectedFailure[] };
  /** The `--network` values, parsed, and as given (for messages). */
  readonly networks: readonly DeclaredNetwork[];
  readonly networkTexts: readonly string[];
}

/** The checks for `hello`: all of them (the suite), the selected ones, the `--require` lookup, the expected failures. */
export interface HelloSelection {
  readonly all: Check[];
  readonly checks: Check[];
  readonly requiredBy: RequiredBy;
  readonly expectedFailures: Map<string, ExpectedFailure>;
}

/**
 * The checks `selection` picks for an implementation whose hello is `hello`. A hello's network entry nncheck cannot
 * build checks on is passed to `warn` (protocol v1 allowed any); a `--network` one, a selection of nothing or a
 * pattern that matches no check is a `RunSetupError`.
 */
export function selectForHello(hello: Hello, selection: RunSelection, warn: (message: string) => void): HelloSelection {
  const listed = hello.networks ?? [];
  const where = (i: number) => (i < listed.length ? `the hello's networks[${i}] (${JSON.stringify(listed[i])})` : `--network ${JSON.stringify(selection.networkTexts[i - listed.length])}`);
  const declared = declaredShapes([...listed, ...selection.networks], hello, where, (message, i) => {
    if (i >= listed.length) throw new RunSetupError(message);
    warn(`${message}; no checks are built on it`);
  });
  const all = checksFor({ declared, ...(hello.networks !== undefined ? { offered: hello.networks } : {}) });
  const { shard } = selection;
  const checks = selectChecks(all, { only: selection.only, skip: selection.skip, ...(shard !== undefined ? { shard } : {}) });
  if (checks.length === 0) throw new RunSetupError(`no check is left to run: ${shard !== undefined ? "the shard and " : ""}--skip remove every check --only selects; run 'nncheck list' to see the ids`);
  if (selection.replay !== undefined) checkReplay(selection.replay, checks);
  const requiredBy = requiredChecks(selection.require, all);
  const { expectFile } = selection;
  const expectedFailures = expectFile === undefined ? new Map<string, ExpectedFailure>() : matchExpectedFailures(expectFile.entries, all, expectFile.path);
  return { all, checks, requiredBy, expectedFailures };
}
