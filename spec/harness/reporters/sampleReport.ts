import { entryResult } from "../../../src/gradcheck/index.ts";
import { runChecks, type RunReport } from "../../../src/harness/index.ts";
import { ImplementationError } from "../../../src/implementation.ts";
import { CrashError } from "../../../src/protocol/index.ts";
import { fakeCheck, fakeImplementation, fixedCheck, identityCheck } from "../fakes.ts";

/** Text with every character that breaks naive XML, TAP or YAML output. */
export const NASTY = `<tag attr="v"> & 'q' # not a directive \u0000\u001b[31m ]]> \ud800 end`;

/** A report with every status, a per-entry table with a NaN, hints, a counterexample, a crash with stderr, and nasty text. */
export async function sampleReport(): Promise<RunReport> {
  const entries = [
    entryResult("W1[1][2]", 0.25, 0.5, "float64", 10, "a product and a sum"),
    entryResult("b2[0]", -0.125, Number.NaN, "float64", 4, "a sum"),
    entryResult("cost", 1e-300, 1e-300, "float64", 2, "exact"),
  ];
  const crashTail = `Traceback (most recent call last):\n  File "adapter.py", line 7\nZeroDivisionError: float division by zero ${NASTY}`;
  const checks = [
    identityCheck("oracle/activation/identity"),
    fixedCheck("oracle/gradients/3-3-1", {
      status: "failed",
      message: "gradients: 1 of 4 cases disagree with the exact oracle; case 0 (single): 2 of 3 entries wrong (W1[1][2], b2[0])",
      details: {
        entries, compared: 40, seed: 12345,
        hints: [{ kind: "factor-2", message: "every W1 entry is 2× the exact value: a cost convention (½(a−y)² vs (a−y)²)?" }],
        replay: "npx nncheck run --seed 7 --only oracle/gradients/3-3-1",
      },
    }),
    fakeCheck("oracle/train/3-3-1", async ({ implementation }) => {
      await implementation.train({ network: { layers: [1, 1], activations: ["identity"], cost: "squared_error" }, params: [{ W: [[1]], b: [0] }], inputs: [[1]], targets: [[0]], learningRate: 0.1, order: [0] });
      return { status: "passed", message: "unreachable" };
    }, { methods: ["train"] }),
    fakeCheck("property/relu/idempotence", async ({ implementation }) => {
      await implementation.forward({ network: { layers: [1, 1], activations: ["relu"], cost: "squared_error" }, params: [{ W: [[1]], b: [0] }], inputs: [[1]] });
      return { status: "passed", message: "unreachable" };
    }, { methods: ["forward"] }),
    fixedCheck("property/tanh/odd", { status: "failed", message: `tanh(−x) ≠ −tanh(x) ${NASTY}`, details: { counterexample: { x: [0.5, Number.NEGATIVE_INFINITY] }, seed: 3, replay: "npx nncheck run --seed 7 --only property/tanh/odd --replay '1:0'" } }),
    fixedCheck("fd/gradients/3-3-1", { status: "passed", message: "agrees with central differences" }),
    fixedCheck("fd/step/3-3-1", { status: "failed", message: "step: W1 not updated" }),
  ];
  return runChecks({
    implementation: fakeImplementation({
      forward: async () => { throw new ImplementationError("unsupported", "forward is not offered"); },
      train: async () => { throw new CrashError(`request #9 (train) failed: the implementation exited with code 3; the end of its stderr:\n${crashTail}`, 3, null, crashTail); },
    }),
    checks, seed: 7, runs: 10, replayPrefix: "npx nncheck run --impl \"python3 adapter.py\" --seed 7",
    expectedFailures: new Map([
      ["fd/step/3-3-1", { id: "fd/step/3-3-1", reason: "known: step ignores the bias" }],
      ["fd/gradients/3-3-1", { id: "fd/gradients/3-3-1", reason: "was broken <before>" }],
    ]),
  });
}
