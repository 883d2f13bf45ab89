import { existsSync } from "node:fs";
import { basename, extname } from "node:path";
import { RunSetupError } from "../harness/RunSetupError.ts";
import type { ImplementationSpec } from "./compareRuns.ts";

const LABEL = /^([A-Za-z0-9][A-Za-z0-9_.-]*)=(.+)$/s;

/**
 * `--impl`/`--module` values, in command-line order, as specs with unique labels: an explicit `label=` prefix
 * (letters, digits, `.`, `_`, `-`; a module path that exists as it is wins over the prefix), else the name of the
 * program's script or module file without extension, made unique with `-2`, `-3`…. Two equal explicit labels,
 * or an empty value, are a `RunSetupError`.
 */
export function implementationSpecs(options: readonly { kind: "impl" | "module"; value: string }[]): ImplementationSpec[] {
  const seen = new Set<string>();
  return options.map(({ kind, value }) => {
    if (value.trim() === "") throw new RunSetupError(`--${kind} needs a value`);
    const match = LABEL.exec(value);
    const explicit = match !== null && !(kind === "module" && existsSync(value)) ? match : null;
    const target = explicit !== null ? explicit[2]! : value;
    const base = explicit !== null ? explicit[1]! : defaultLabel(kind, target);
    if (explicit !== null && seen.has(base)) throw new RunSetupError(`two implementations are labelled "${base}"; give each its own label`);
    let label = base;
    for (let k = 2; seen.has(label); k++) label = `${base}-${k}`;
    seen.add(label);
    return kind === "impl" ? { label, impl: target } : { label, module: target };
  });
}

/** The name of the module file, or of the last word of a command line that looks like a file (its script). */
function defaultLabel(kind: "impl" | "module", target: string): string {
  const words = target.trim().split(/\s+/).map((w) => w.replace(/["']/g, ""));
  const file = kind === "module" ? target : ([...words].reverse().find((w) => /[/.]/.test(w)) ?? words[0]!);
  return basename(file, extname(file)).replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[-.]+/, "") || kind;
}
