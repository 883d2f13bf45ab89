import { RunSetupError } from "../harness/RunSetupError.ts";
import type { Command } from "./command.ts";
import { NETWORK_SYNTAX, networkOption, parseOptions } from "./parseOptions.ts";

const usage = `Usage: nncheck list [--long] [--only <id-glob>]… [--skip <id-glob>]… [--network <shape>]…

Prints the id of every conformance check on the built-in shapes, one per line, in the order reports use (a run
adds the checks on the shapes the implementation's hello lists in "networks").

Options:
  --long         add each check's description after its id
  --only GLOB    list only the checks 'nncheck run --only GLOB' would run (repeatable)
  --skip GLOB    leave out the checks that match (repeatable)
  --network SHAPE
                 add the checks on this network, as 'nncheck run --network SHAPE' does for an implementation
                 whose hello lists no costs or reductions (repeatable): ${NETWORK_SYNTAX}
  -h, --help     print this help

Exit codes: 0 success, 2 bad usage (or an --only or --skip pattern that matches no check).`;

/** `nncheck list`: prints every check id (with `--long`, its description too). */
export const listCommand: Command = {
  name: "list",
  summary: "list the conformance checks' ids (with --long, their descriptions)",
  usage,
  async run(args, io) {
    const values = parseOptions(args, {
      long: { type: "boolean" }, only: { type: "string", multiple: true as const }, skip: { type: "string", multiple: true as const },
      help: { type: "boolean", short: "h" }, network: { type: "string", multiple: true as const },
    });
    if (values.help === true) {
      io.out(usage);
      return 0;
    }
    const texts = values.network ?? [];
    const networks = texts.map(networkOption);
    const [{ checksFor, declaredShapes }, { selectChecks }] = await Promise.all([import("../checks/index.ts"), import("../harness/selectChecks.ts")]);
    let checks;
    try {
      const declared = declaredShapes(networks, {}, (i) => `--network ${JSON.stringify(texts[i])}`);
      checks = selectChecks(checksFor({ declared }), { only: values.only ?? [], skip: values.skip ?? [] });
    } catch (error) {
      if (!(error instanceof RunSetupError)) throw error;
      io.err(`nncheck list: ${error.message}`);
      return 2;
    }
    const width = Math.max(0, ...checks.map((c) => c.id.length));
    for (const check of checks) io.out(values.long === true ? `${check.id.padEnd(width)}  ${check.description}` : check.id);
    return 0;
  },
};
