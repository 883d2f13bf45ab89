/** Runs property checks directly against an in-process implementation, as the runner would (without its error mapping). */
import type { Check, CheckOutcome } from "../../src/harness/check.ts";
import { checkSeed } from "../../src/harness/check.ts";
import type { Implementation } from "../../src/implementation.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { propertyChecks } from "../../src/checks/propertyChecks.ts";

const oracle = createOracle();

/** The replay prefix the tests pass in. */
export const PREFIX = "npx nncheck run --impl test --seed";

/** Runs `check` with run seed `seed` and `runs`; `replayPath` replays one counterexample. */
export async function runProperty(check: Check, implementation: Implementation, options: { runs?: number; seed?: number; replayPath?: string } = {}): Promise<CheckOutcome> {
  const hello = await implementation.hello();
  const seed = options.seed ?? 1;
  return check.run({
    implementation,
    hello,
    dtype: hello.dtype,
    seed: checkSeed(seed, check.id),
    runs: options.runs ?? 20,
    oracle,
    replayPrefix: `${PREFIX} ${seed}`,
    ...(options.replayPath !== undefined ? { replayPath: options.replayPath } : {}),
  });
}

/** The property check with this id. */
export function property(id: string): Check {
  const check = propertyChecks().find((c) => c.id === id);
  if (check === undefined) throw new Error(`no property ${id}`);
  return check;
}

/** Every request an implementation receives, by method, as JSON (to compare runs). */
export function recording(base: Implementation): { implementation: Implementation; log: string[] } {
  const log: string[] = [];
  const wrap = <M extends "forward" | "gradients" | "step" | "train" | "activation">(method: M) =>
    (async (request: unknown) => {
      log.push(`${method} ${JSON.stringify(request)}`);
      return (base[method] as (r: unknown) => Promise<unknown>)(request);
    }) as Implementation[M];
  return {
    log,
    implementation: { hello: base.hello, forward: wrap("forward"), gradients: wrap("gradients"), step: wrap("step"), train: wrap("train"), activation: wrap("activation") },
  };
}
