import { DTYPE_NAMES, isDtype } from "../gradcheck/dtypes.ts";
import { OPTIMIZERS, type Hello } from "../implementation.ts";
import { StartupError } from "./errors.ts";

/** Checks a `hello` result against protocol v1 and returns it typed; throws `StartupError` naming what is wrong. */
export function parseHello(result: unknown): Hello {
  const problems = helloProblems(result);
  if (problems.length > 0) {
    const shown = JSON.stringify(result)?.slice(0, 200);
    throw new StartupError(`malformed hello result: ${problems.join("; ")} (got ${shown})`);
  }
  return result as Hello;
}

function helloProblems(result: unknown): string[] {
  if (!isObject(result)) return [`expected an object, got ${describe(result)}`];
  const problems: string[] = [];
  if (result.protocol !== 1) problems.push(`"protocol" must be 1, got ${describe(result.protocol)}`);
  if (typeof result.name !== "string") problems.push(`"name" must be a string, got ${describe(result.name)}`);
  if (result.language !== undefined && typeof result.language !== "string") {
    problems.push(`"language" must be a string when present, got ${describe(result.language)}`);
  }
  if (!isDtype(result.dtype)) {
    problems.push(`"dtype" must be one of ${DTYPE_NAMES.map((d) => `"${d}"`).join(", ")}, got ${describe(result.dtype)}`);
  }
  for (const key of ["methods", "activations"] as const) {
    if (!isStringArray(result[key])) problems.push(`"${key}" must be an array of strings, got ${describe(result[key])}`);
  }
  for (const key of ["costs", "reductions"] as const) {
    if (result[key] !== undefined && !isStringArray(result[key])) problems.push(`"${key}" must be an array of strings when present, got ${describe(result[key])}`);
  }
  if (result.networks !== undefined) {
    const ok = Array.isArray(result.networks) && result.networks.every((n) =>
      isObject(n) && Array.isArray(n.layers) && n.layers.every((u) => Number.isInteger(u) && u > 0) &&
      isStringArray(n.activations) && n.activations.length === n.layers.length - 1 &&
      (n.cost === undefined || typeof n.cost === "string") && (n.reduction === undefined || typeof n.reduction === "string"));
    if (!ok) problems.push(`"networks" must be an array of {layers: positive integers, activations: one string per layer after the input, cost?: string, reduction?: string}, got ${JSON.stringify(result.networks)?.slice(0, 120)}`);
  }
  if (result.optimizers !== undefined) {
    const bad = isStringArray(result.optimizers) ? result.optimizers.find((o) => !(OPTIMIZERS as readonly string[]).includes(o)) : result.optimizers;
    if (bad !== undefined) problems.push(`"optimizers" must be an array of names among ${OPTIMIZERS.join(", ")} when present, got ${describe(bad)}${isStringArray(result.optimizers) ? ` in ${describe(result.optimizers)}` : ""}`);
  }
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

function describe(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value).slice(0, 80);
}
