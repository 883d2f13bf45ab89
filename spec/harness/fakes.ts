import type { Check, CheckContext, CheckNeeds, CheckOutcome } from "../../src/harness/check.ts";
import type { Hello, Implementation } from "../../src/implementation.ts";
import { ImplementationError } from "../../src/implementation.ts";

/** A hello offering everything. */
export const HELLO: Hello = {
  protocol: 1, name: "fake", language: "typescript", dtype: "float64",
  methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"],
};

/** An in-process implementation: `activation` answers identity (value x, derivative 1); other methods are unsupported unless overridden. */
export function fakeImplementation(overrides: Partial<Implementation> = {}, hello: Hello = HELLO): Implementation {
  const unsupported = async (): Promise<never> => {
    throw new ImplementationError("unsupported", "the fake does not do that");
  };
  return {
    hello: async () => hello,
    forward: unsupported, gradients: unsupported, step: unsupported, train: unsupported,
    activation: async ({ x }) => ({ value: [...x], derivative: x.map(() => 1) }),
    ...overrides,
  };
}

/** A check with id `id` that runs `run` (default needs: the `activation` method). */
export function fakeCheck(id: string, run: (context: CheckContext) => Promise<CheckOutcome>, needs: CheckNeeds = { methods: ["activation"] }): Check {
  return { id, description: `fake check ${id}`, needs, run };
}

/** A check that calls `activation` on [1, 2] and passes iff it gets identity back. */
export function identityCheck(id: string): Check {
  return fakeCheck(id, async ({ implementation }) => {
    const { value } = await implementation.activation({ name: "identity", x: [1, 2] });
    return value[0] === 1 && value[1] === 2 ? { status: "passed", message: "identity" } : { status: "failed", message: `got ${JSON.stringify(value)}` };
  });
}

/** A check ending with `outcome` without calling the implementation. */
export const fixedCheck = (id: string, outcome: CheckOutcome, needs?: CheckNeeds): Check => fakeCheck(id, async () => outcome, needs);

/** Runs the options' defaults for `runChecks` in tests. */
export const RUN_DEFAULTS = { seed: 7, runs: 10, replayPrefix: "npx nncheck run --seed 7" } as const;
