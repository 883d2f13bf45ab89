import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { RunSetupError } from "../RunSetupError.ts";

/** One reporter of a run and where it writes: a file, or stdout when `file` is undefined. */
export interface ReporterTarget {
  readonly name: string;
  readonly file?: string;
}

/**
 * Where each reporter writes, from the `--reporter name[:file]` values and `--output`: `--output` is the file of
 * the one reporter (default `pretty`) when only one is named; a reporter without a file writes to stdout. Unknown
 * names, two reporters on stdout, two on one file, `--output` with several reporters, or a file in a directory
 * that does not exist are `RunSetupError`s.
 */
export function reporterTargets(specs: readonly string[], output: string | undefined, known: readonly string[]): ReporterTarget[] {
  const targets = (specs.length === 0 ? ["pretty"] : specs).map((spec): ReporterTarget => {
    const colon = spec.indexOf(":");
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!known.includes(name)) throw new RunSetupError(`--reporter ${JSON.stringify(spec)}: unknown reporter "${name}"; expected one of: ${known.join(", ")} (optionally name:file)`);
    if (file === "") throw new RunSetupError(`--reporter ${JSON.stringify(spec)}: the file after ":" is empty`);
    return file === undefined ? { name } : { name, file };
  });
  if (output !== undefined) {
    if (targets.length > 1) throw new RunSetupError(`--output applies to a single reporter, but ${targets.length} are named; give each its file as --reporter name:file`);
    if (targets[0]!.file !== undefined) throw new RunSetupError(`--output ${output} and --reporter ${targets[0]!.name}:${targets[0]!.file} both name a file; use one of them`);
    targets[0] = { name: targets[0]!.name, file: output };
  }
  const onStdout = targets.filter((t) => t.file === undefined);
  if (onStdout.length > 1) {
    throw new RunSetupError(`reporters ${onStdout.map((t) => t.name).join(" and ")} would both write to stdout; give all but one a file (--reporter name:file)`);
  }
  const seen = new Map<string, string>();
  for (const { name, file } of targets) {
    if (file === undefined) continue;
    const path = resolve(file);
    const other = seen.get(path);
    if (other !== undefined) throw new RunSetupError(`reporters ${other} and ${name} would both write to ${file}`);
    seen.set(path, name);
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RunSetupError(`cannot write the ${name} report to ${file}: directory ${dir} does not exist`);
  }
  return targets;
}
