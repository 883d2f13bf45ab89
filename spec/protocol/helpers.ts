import { fileURLToPath } from "node:url";
import type { GradientsRequest } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";

/** The fake implementation script; `fake("hang")` is a command line running it in that mode. */
export const FAKE = fileURLToPath(new URL("./fakes/fake.mjs", import.meta.url));
export const fake = (mode: string): string => `node ${FAKE} ${mode}`;

/** The Python example adapter and the trivial benchmark adapter. */
export const ADAPTER = fileURLToPath(new URL("../../examples/python/adapter.py", import.meta.url));
export const DECIMAL_ORACLE = fileURLToPath(new URL("./oracle/decimal_oracle.py", import.meta.url));

/** How long `promise` took to settle, and how: `{ ms, value }` or `{ ms, error }`. */
export async function timed<T>(promise: Promise<T>): Promise<{ ms: number; value?: T; error?: Error }> {
  const start = performance.now();
  try {
    const value = await promise;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error: error as Error };
  }
}

/** True if no process `pid` is running (gone, or a zombie nobody has reaped yet). */
export async function processIsGone(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const { readFile } = await import("node:fs/promises");
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  return / Z /.test(stat.slice(stat.lastIndexOf(")")));
}

/** Polls `processIsGone(pid)` for up to `ms` (a killed process takes a moment to disappear; generous for a loaded machine). */
export async function waitUntilGone(pid: number, ms = 20_000): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!(await processIsGone(pid))) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}

/**
 * The seed chapter's worked example: its weights and biases, and its input x (which the chapter takes equal to
 * W_output); the target 1 is the data set's label for that colour (0.299·R + 0.587·G + 0.114·B > 127.5).
 */
export const seedGradientsRequest: GradientsRequest = {
  network: seedNetwork,
  params: [
    {
      W: [[0.034535, 0.5185636, 0.81485028], [0.3329199, 0.53873853, 0.96359003], [0.19808306, 0.45422182, 0.36618893]],
      b: [0.41379442, 0.81666079, 0.07511252],
    },
    { W: [[0.82652072, 0.30781539, 0.93095565]], b: [0.58018555] },
  ],
  inputs: [[0.82652072, 0.30781539, 0.93095565]],
  targets: [[1]],
};
