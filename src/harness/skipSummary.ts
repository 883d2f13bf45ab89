import type { RunReport } from "./runReport.ts";

/**
 * When every check of a run was skipped, one line saying so and why: nothing was checked. It names the
 * implementation's hello and the most common reason a check was skipped. Undefined when anything ran.
 */
export function nothingCheckedWarning(report: RunReport): string | undefined {
  const { checks, implementation: hello } = report;
  if (checks.length === 0 || checks.some((c) => c.status !== "skipped")) return undefined;
  const reasons = new Map<string, number>();
  for (const c of checks) reasons.set(c.message, (reasons.get(c.message) ?? 0) + 1);
  const [reason, count] = [...reasons].sort((a, b) => b[1] - a[1])[0]!;
  const offered = `methods: ${hello.methods.join(", ") || "none"}; activations: ${hello.activations.join(", ") || "none"}${hello.networks ? `; networks: ${hello.networks.map((n) => n.layers.join("-")).join(", ") || "none"}` : ""}`;
  const more = count === checks.length ? "" : ` (${count} of them; see the report for the others)`;
  return `warning: all ${checks.length} checks were skipped, so nothing was checked: ${hello.name}'s hello offers ${offered}; skipped because: ${reason}${more}`;
}
