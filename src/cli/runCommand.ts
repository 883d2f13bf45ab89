import { DEFAULT_HELLO_TIMEOUT_MS, DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_TIMEOUT_MS } from "../harness/defaults.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import { processIo, UsageError, type Command } from "./command.ts";
import type { Check } from "../harness/check.ts";
import type { ExpectedFailure } from "../harness/expectedFailures.ts";
import type { DeclaredNetwork, Hello } from "../implementation.ts";
import { availableParallelism } from "node:os";
import { integerOption, jobsOption, NETWORK_SYNTAX, networkOption, parseOptions } from "./parseOptions.ts";
import type { HelloSelection, RunSelection } from "./selectForHello.ts";

const usage = `Usage: nncheck run [--impl "<command line>" | --module <file.ts|.js>] [--only <id-glob>]… [--skip <id-glob>]…
                  [--network <shape>]… [--shard i/n] [--require <id-glob>]… [--expect-fail <file.json>] [--seed N] [--runs N]
                  [--timeout-ms N] [--hello-timeout-ms N] [--reporter <name>[:<file>]]… [--output <file>]
                  [--replay <path>] [--fail-on-skip] [--baseline <report.json> [--fail-on regressions]] [--jobs N]

Runs the conformance checks against an implementation and reports every outcome: passed, failed (a wrong
answer), errored (a crash, hang or protocol error), skipped (not offered by the implementation's hello), and
for listed expected failures xfailed or xpassed. Without --impl or --module it runs nncheck's own reference.

Options:
  --impl CMD            a program speaking protocol v1 on stdin/stdout (docs/protocol.md), as one command line,
                        e.g. --impl "python3 examples/python/adapter.py" (split like a shell would, run without one)
  --module FILE         a JavaScript (.js/.mjs/.cjs) or TypeScript (.ts/.mts/.cts) module whose default export
                        implements the Implementation interface, run in-process (see examples/js)
  --only GLOB           run only checks whose id matches (repeatable): * matches any characters but /, ** anything;
                        a pattern without wildcards also selects every id below it (--only property)
  --skip GLOB           do not run checks whose id matches (repeatable; applied after --only); like --only, a
                        pattern that matches no check is an error
  --network SHAPE       also run the oracle, finite-difference and property checks on this network (repeatable),
                        as if the hello listed it in "networks": ${NETWORK_SYNTAX}
                        (LAYERS widths joined by "-", one activation per layer after the input joined by ","; COST
                        absent: the first of the hello's costs that fits the output layer; REDUCTION absent: every
                        one of its reductions); its checks' ids end in its name (oracle/gradients/784-128-10). With
                        a hello that lists "networks", built-in shapes it does not list give way to its own.
  --shard i/n           run the i-th of n disjoint shards of the selected checks (every n-th from the i-th), e.g.
                        one CI job per shard; the n shards together run the whole selection
  --require GLOB        checks matching GLOB (repeatable) must run: one that is skipped fails the run
  --expect-fail FILE    a JSON list of {"id": "<id or glob>", "reason": "…"}: listed checks that fail are xfailed;
                        one that passes is xpassed and fails the run; an id that matches no check is an error
  --seed N              the run seed, a non-negative integer (default ${DEFAULT_SEED}); each check's own seed is
                        derived from it and its id, so --only never changes a check's cases
  --runs N              cases per property or random check (default ${DEFAULT_RUNS})
  --timeout-ms N        how long the implementation may spend on one request before it fails as timed out
                        (default ${DEFAULT_TIMEOUT_MS}); a request's clock starts once the requests sent before
                        it are answered, so nncheck's own queue never counts (docs/protocol.md)
  --hello-timeout-ms N  how long it may take from its start to its answer to hello, restarts included
                        (default ${DEFAULT_HELLO_TIMEOUT_MS})
  --reporter NAME[:FILE]
                        pretty (default), json, junit, tap, markdown, html, github or gradescope; repeatable, each
                        to its own FILE (without a file, to stdout: at most one reporter may write there)
  --output FILE         the file of the one reporter, when only one is named
  --replay PATH         replay one property counterexample: the path printed in its failure (with --only
                        selecting that one property)
  --fail-on-skip        fail the run (exit 1) if any selected check is skipped
  --baseline FILE       compare with a previous JSON report of the same implementation: newly failing, newly
                        passing, newly skipped and added or removed ids; a changed seed, --runs, suite or
                        implementation is named
  --jobs N              worker threads running checks side by side (default: NNCHECK_JOBS, else the cores), each
                        with its own implementation: the module loaded once per worker, one --impl process per
                        worker; the report is the same whatever N (its times apart); 1 runs on the main thread
  --fail-on WHAT        failures (default): any failed, errored or xpassed check fails the run; regressions
                        (with --baseline): only a newly failing check does
  -h, --help            print this help

Exit codes: 0 every check passed, was skipped or failed as expected (xfailed) — with every check skipped,
nothing was checked: a warning says why; 1 a check failed, errored or passed unexpectedly (xpassed), a required
check was skipped, one was skipped under --fail-on-skip, or (--fail-on regressions) a check is newly failing;
2 bad usage, a selection of no check, a bad --expect-fail file or module, a report
file that cannot be written, or an implementation that could not be started or did not answer hello.`;

/** `nncheck run`: runs the conformance checks against an implementation and writes the reports. */
export const runCommand: Command = {
  name: "run",
  summary: "run the conformance checks against an implementation (default: the reference)",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      impl: { type: "string" }, module: { type: "string" }, only: { type: "string", multiple: true as const },
      skip: { type: "string", multiple: true as const }, "expect-fail": { type: "string" }, seed: { type: "string" },
      runs: { type: "string" }, "timeout-ms": { type: "string" }, reporter: { type: "string", multiple: true as const },
      output: { type: "string" }, replay: { type: "string" }, help: { type: "boolean", short: "h" },
      "hello-timeout-ms": { type: "string" }, "fail-on-skip": { type: "boolean" }, jobs: { type: "string" },
      shard: { type: "string" }, require: { type: "string", multiple: true as const }, baseline: { type: "string" }, "fail-on": { type: "string" },
      network: { type: "string", multiple: true as const },
    });
    if (values.help === true) {
      io.out(usage);
      return 0;
    }
    if (values.impl !== undefined && values.module !== undefined) throw new UsageError("give --impl or --module, not both");
    const seed = integerOption("seed", values.seed, DEFAULT_SEED, 0);
    const runs = integerOption("runs", values.runs, DEFAULT_RUNS, 1);
    const timeoutMs = integerOption("timeout-ms", values["timeout-ms"], DEFAULT_TIMEOUT_MS, 1);
    const helloTimeoutMs = integerOption("hello-timeout-ms", values["hello-timeout-ms"], DEFAULT_HELLO_TIMEOUT_MS, 1);
    const jobs = jobsOption(values.jobs, process.env, availableParallelism());
    const failOn = values["fail-on"] ?? "failures";
    if (failOn !== "failures" && failOn !== "regressions") throw new UsageError(`--fail-on must be "failures" or "regressions", got "${failOn}"`);
    if (failOn === "regressions" && values.baseline === undefined) throw new UsageError("--fail-on regressions needs --baseline <previous report.json>");
    const networkTexts = values.network ?? [];
    const networks: DeclaredNetwork[] = networkTexts.map(networkOption);
    // Loaded here, not at the top: the checks, the oracle and the protocol client would slow every other command.
    const [{ suiteIdentity }, { selectForHello }, harness, { createProgress, summaryLine, writeReports }, { StartupError }, { compareWithBaseline, loadBaseline, regressionExitCode }] = await Promise.all([
      import("../checks/index.ts"), import("./selectForHello.ts"), import("../harness/index.ts"), import("../harness/reporters/index.ts"), import("../protocol/index.ts"), import("../compare/baseline.ts"),
    ]);
    const { exitCodeOf, loadExpectedFailures, nothingCheckedWarning, openReportFiles, parseShard, REPORTERS, reporterTargets, runSelection, shellCommand, withRequired } = harness;
    let files: ReturnType<typeof openReportFiles> | undefined;
    try {
      const shard = values.shard === undefined ? undefined : parseShard(values.shard);
      const baseline = values.baseline === undefined ? undefined : loadBaseline(values.baseline);
      const expectFile = values["expect-fail"];
      const selection: RunSelection = {
        only: values.only ?? [], skip: values.skip ?? [], ...(shard !== undefined ? { shard } : {}), require: values.require ?? [],
        ...(values.replay !== undefined ? { replay: values.replay } : {}), networks, networkTexts,
        ...(expectFile !== undefined ? { expectFile: { path: expectFile, entries: loadExpectedFailures(expectFile) } } : {}),
      };
      const expectedFailures = new Map<string, ExpectedFailure>();
      let chosen: HelloSelection | undefined;
      // The checks depend on the hello (its networks): built, selected and matched once it has answered.
      const checksOf = (hello: Hello): Check[] => {
        chosen = selectForHello(hello, selection, (message) => io.err(`nncheck run: warning: ${message}`));
        for (const [id, entry] of chosen.expectedFailures) expectedFailures.set(id, entry);
        return chosen.checks;
      };
      const targets = reporterTargets(values.reporter ?? [], values.output, Object.keys(REPORTERS));
      files = openReportFiles(targets);
      const live = io === processIo && process.stderr.isTTY === true;
      const progress = live ? createProgress(process.stderr) : undefined;
      const replayPrefix = shellCommand([
        "npx", "nncheck", "run", ...(values.impl !== undefined ? ["--impl", values.impl] : []),
        ...(values.module !== undefined ? ["--module", values.module] : []), ...networkTexts.flatMap((n) => ["--network", n]), "--seed", String(seed),
        ...(runs !== DEFAULT_RUNS ? ["--runs", String(runs)] : []),
      ]);
      // The whole run: the selection and whatever else changes its outcome, so that it replays as it was.
      const replayRun = shellCommand([
        ...(values.only ?? []).flatMap((g) => ["--only", g]), ...(values.skip ?? []).flatMap((g) => ["--skip", g]),
        ...(expectFile !== undefined ? ["--expect-fail", expectFile] : []),
        ...(timeoutMs !== DEFAULT_TIMEOUT_MS ? ["--timeout-ms", String(timeoutMs)] : []),
        ...(helloTimeoutMs !== DEFAULT_HELLO_TIMEOUT_MS ? ["--hello-timeout-ms", String(helloTimeoutMs)] : []),
        ...(values["fail-on-skip"] === true ? ["--fail-on-skip"] : []),
        ...(values.shard !== undefined ? ["--shard", values.shard] : []), ...(values.require ?? []).flatMap((g) => ["--require", g]),
        ...(values.replay !== undefined ? ["--replay", values.replay] : []),
      ]);
      let report;
      try {
        report = await runSelection({
          choice: { impl: values.impl, module: values.module, timeoutMs, helloTimeoutMs }, jobs, say: io.err, networks,
          checks: checksOf, seed, runs, replayPrefix, expectedFailures, replayRun: replayRun === "" ? replayPrefix : `${replayPrefix} ${replayRun}`,
          ...(values.replay !== undefined ? { replayPath: values.replay } : {}),
          onResult: (result, done, total) => progress?.update(done, total, result.id),
        });
      } finally {
        progress?.finish();
      }
      report = withRequired({ ...report, suite: suiteIdentity(chosen!.all), ...(shard !== undefined ? { shard } : {}) }, chosen!.requiredBy);
      if (baseline !== undefined) report = { ...report, baseline: compareWithBaseline(report, baseline, values.baseline!) };
      const color = io === processIo && process.stdout.isTTY === true && !process.env.NO_COLOR;
      const opened = files;
      writeReports(report, targets, { out: io.out, err: io.err, color, env: process.env, writeFile: (file, text) => opened.write(file, text) });
      if (targets.every((t) => t.file !== undefined)) io.err(summaryLine(report));
      const warning = nothingCheckedWarning(report);
      if (warning !== undefined) io.err(`nncheck run: ${warning}`);
      if (values["fail-on-skip"] === true && report.summary.skipped > 0) {
        io.err(`nncheck run: --fail-on-skip: ${report.summary.skipped} of ${report.checks.length} checks were skipped (the report says why)`);
        return 1;
      }
      return failOn === "regressions" ? regressionExitCode(report.baseline!) : exitCodeOf(report.summary);
    } catch (error) {
      if (error instanceof RunSetupError || error instanceof StartupError) {
        io.err(`nncheck run: ${error.message}`);
        return 2;
      }
      throw error;
    } finally {
      files?.close();
    }
  },
};
