/** Runs checks directly against an in-process implementation, as the runner would (without its error mapping). */
import type { Check, CheckOutcome } from "../../src/harness/check.ts";
import { checkSeed } from "../../src/harness/check.ts";
import type { Implementation } from "../../src/implementation.ts";
import { createOracle } from "../../src/oracle/index.ts";

const oracle = createOracle();

export async function runCheck(check: Check, implementation: Implementation, runs = 40, seed = 1): Promise<CheckOutcome> {
  const hello = await implementation.hello();
  return check.run({ implementation, hello, dtype: hello.dtype, seed: checkSeed(seed, check.id), runs, oracle, replayPrefix: `npx nncheck run --seed ${seed}` });
}

/** The reference with one method's answer rewritten: a deliberately wrong implementation in one line. */
export function tamper<M extends "forward" | "gradients" | "step" | "train">(base: Implementation, method: M, rewrite: (answer: Awaited<ReturnType<Implementation[M]>>, request: Parameters<Implementation[M]>[0]) => Awaited<ReturnType<Implementation[M]>>): Implementation {
  return {
    ...base,
    [method]: async (request: never) => rewrite(await (base[method] as (r: never) => Promise<never>)(request), request),
  } as Implementation;
}
