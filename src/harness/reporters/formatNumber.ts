/** `x` in full (shortest round-trip form), for expected and actual values. */
export function formatValue(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

/** `x` to 3 significant digits in exponent form (`1.23e-16`), for errors and tolerances. */
export function formatError(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return x === 0 ? "0" : x.toExponential(2);
}

/** A duration for people: `850 ms`, `4.2 s`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
