import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_TIMEOUT_MS } from "../harness/defaults.ts";
import { RunSetupError } from "../harness/RunSetupError.ts";
import { type Command, UsageError } from "./command.ts";
import { availableParallelism } from "node:os";
import { integerOption, jobsOption } from "./parseOptions.ts";

const usage = `Usage: nncheck compare (--impl "[label=]<command line>" | --module [label=]<file>)… [--only <id-glob>]…
                      [--skip <id-glob>]… [--seed N] [--runs N] [--timeout-ms N] [--jobs N]
                      [--reporter <name>[:<file>]]… [--output <file>] [--out-dir <dir>]

Runs the same checks, with the same seed, against several implementations one after the other, and prints one
matrix — checks × implementations — with per-area totals. Typical uses: a teacher with a folder of student
adapters; a port against its original. Each implementation also gets, in --out-dir: its full JSON and HTML
reports (<label>.report.json, usable as a --baseline), a report card (<label>.card.json: per area passed,
failed, errored, skipped…) and a shields.io endpoint badge (<label>.badge.json: {"schemaVersion": 1,
"label": "nncheck", "message": "<passed>/<total>", "color": …}).

Options:
  --impl [LABEL=]CMD    a program speaking protocol v1, as for 'nncheck run' (repeatable; order kept)
  --module [LABEL=]FILE a JavaScript or TypeScript module, as for 'nncheck run' (repeatable)
                        LABEL (letters, digits, . _ -) names the column and the files; by default the file's
                        name without extension (adapter, network, seedPort), made unique with -2, -3…
  --only GLOB, --skip GLOB
                        select checks as for 'nncheck run'
  --seed N              the run seed, shared by every implementation (default ${DEFAULT_SEED})
  --runs N              cases per property or random check (default ${DEFAULT_RUNS})
  --timeout-ms N        how long one request may take (default ${DEFAULT_TIMEOUT_MS})
  --jobs N              worker threads per implementation, as for 'nncheck run' (default: NNCHECK_JOBS, else
                        the cores); the implementations still run one after another
  --reporter NAME[:FILE]
                        the matrix as pretty (default), markdown, json or html; repeatable, each to its own FILE
  --output FILE         the file of the one reporter, when only one is named
  --out-dir DIR         where the reports, report cards and badges go (default nncheck-compare; created)
  -h, --help            print this help

Exit codes: 0 every implementation passed every check it ran (skips allowed); 1 a check failed, errored or
passed unexpectedly in some implementation; 2 bad usage, or an implementation that could not be started.`;

const COMPARE_REPORTERS = ["pretty", "markdown", "json", "html"] as const;

/** `nncheck compare`: runs several implementations against the same checks and prints the matrix. */
export const compareCommand: Command = {
  name: "compare",
  summary: "run several implementations against the same checks: a matrix, report cards and badges",
  usage,
  async run(args, io) {
    const { values, tokens } = parse(args);
    if (values.help === true) {
      io.out(usage);
      return 0;
    }
    const implementationOptions = tokens.flatMap((t) => (t.kind === "option" && (t.name === "impl" || t.name === "module") ? [{ kind: t.name, value: t.value ?? "" }] : []));
    if (implementationOptions.length === 0) throw new UsageError('give at least one --impl "<command line>" or --module <file> to compare');
    const seed = integerOption("seed", values.seed, DEFAULT_SEED, 0);
    const runs = integerOption("runs", values.runs, DEFAULT_RUNS, 1);
    const timeoutMs = integerOption("timeout-ms", values["timeout-ms"], DEFAULT_TIMEOUT_MS, 1);
    const jobs = jobsOption(values.jobs, process.env, availableParallelism());
    const [{ allChecks, suiteIdentity }, { selectChecks, reporterTargets }, { compareRuns }, matrix, { htmlMatrix }, { implementationSpecs }, { prepareOutDir, writeComparison, writeText }] = await Promise.all([
      import("../checks/index.ts"), import("../harness/index.ts"), import("../compare/compareRuns.ts"), import("../compare/matrixReporters.ts"),
      import("../compare/matrixHtml.ts"), import("../compare/implementationLabels.ts"), import("../compare/writeComparison.ts"),
    ]);
    try {
      const specs = implementationSpecs(implementationOptions);
      const all = allChecks();
      const checks = selectChecks(all, { only: values.only ?? [], skip: values.skip ?? [] });
      const targets = reporterTargets(values.reporter ?? [], values.output, COMPARE_REPORTERS);
      const outDir = resolve(values["out-dir"] ?? "nncheck-compare");
      prepareOutDir(outDir);
      const comparison = await compareRuns({ implementations: specs, checks, suite: suiteIdentity(all), seed, runs, defaultRuns: DEFAULT_RUNS, timeoutMs, jobs, say: io.err });
      writeComparison(comparison, outDir);
      for (const { name, file } of targets) {
        // The HTML matrix links each implementation's own report, relative to where the matrix is written.
        const from = file === undefined ? process.cwd() : dirname(resolve(file));
        const links = comparison.columns.map((col) => (col.report === undefined ? undefined : relative(from, join(outDir, matrix.filesOf(col.spec.label).html)).split("\\").join("/")));
        const text = name === "pretty" ? matrix.prettyMatrix(comparison) : name === "markdown" ? matrix.markdownMatrix(comparison) : name === "json" ? matrix.jsonMatrix(comparison) : htmlMatrix(comparison, links);
        if (file === undefined) io.out(text);
        else writeText(file, text);
      }
      io.err(`nncheck compare: ${comparison.columns.length} badges, report cards and reports in ${values["out-dir"] ?? "nncheck-compare"}/`);
      if (comparison.columns.some((c) => c.report === undefined)) return 2;
      return comparison.columns.some((c) => c.report!.summary.failed + c.report!.summary.errored + c.report!.summary.xpassed > 0) ? 1 : 0;
    } catch (error) {
      if (error instanceof RunSetupError) {
        io.err(`nncheck compare: ${error.message}`);
        return 2;
      }
      throw error;
    }
  },
};

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args], strict: true, allowPositionals: false, tokens: true,
      options: {
        impl: { type: "string", multiple: true }, module: { type: "string", multiple: true }, only: { type: "string", multiple: true },
        skip: { type: "string", multiple: true }, seed: { type: "string" }, runs: { type: "string" }, "timeout-ms": { type: "string" }, jobs: { type: "string" },
        reporter: { type: "string", multiple: true }, output: { type: "string" }, "out-dir": { type: "string" }, help: { type: "boolean", short: "h" },
      },
    });
  } catch (error: unknown) {
    if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")) throw new UsageError(error.message.replace(/\s*\n\s*/g, " "));
    throw error;
  }
}
