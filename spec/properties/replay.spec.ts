import { describe, expect, it } from "vitest";
import { plainNetwork } from "../../examples/mutants/plainNetwork.ts";
import { reference } from "../../src/reference/index.ts";
import { PREFIX, property, recording, runProperty } from "./runProperty.ts";

/** The `--replay` argument of a replay command. */
const replayPath = (command: unknown): string => {
  const match = /--replay (\S+)$/.exec(String(command));
  if (match === null) throw new Error(`no --replay in ${String(command)}`);
  return match[1]!;
};

describe("replaying a property failure", () => {
  interface Counterexample {
    readonly inputs: readonly unknown[];
    readonly picks: readonly unknown[];
  }
  // requests of one evaluation of the counterexample, on the mutant and on the correct reference
  it.each([
    ["property/gradients/batch-mean", "bias-gradient-summed", (ce: Counterexample) => ce.inputs.length + 1, (ce: Counterexample) => ce.inputs.length + 1],
    ["property/relu/derivative", "relu-derivative-at-zero", () => 1, () => 1],
    ["property/train/fold", "train-repeats-last", () => 1, (ce: Counterexample) => 1 + ce.picks.length], // the mutant's costs are one too many: no steps follow
  ] as const)("%s: the --replay path of %s reproduces the counterexample in one evaluation", async (id, mutation, mutantRequests, referenceRequests) => {
    const failed = await runProperty(property(id), plainNetwork(mutation), { runs: 30, seed: 7 });
    expect(failed.status).toBe("failed");
    const path = replayPath(failed.details?.replay);
    expect(failed.details?.replay).toBe(`${PREFIX} 7 --only ${id} --replay ${path}`);
    expect(failed.details?.path).toBe(path);
    expect(failed.message).toContain(failed.details!.replay!);
    const ce = failed.details?.counterexample as Counterexample;

    const { implementation, log } = recording(plainNetwork(mutation));
    const replayed = await runProperty(property(id), implementation, { runs: 30, seed: 7, replayPath: path });
    expect(replayed.status).toBe("failed");
    expect(replayed.details?.counterexample).toEqual(ce);
    expect(replayed.message.split(" (case")[0]).toBe(failed.message.split(" (case")[0]);
    expect(log).toHaveLength(mutantRequests(ce));

    const { implementation: fixed, log: fixedLog } = recording(reference);
    const passing = await runProperty(property(id), fixed, { runs: 30, seed: 7, replayPath: path });
    expect(passing.status).toBe("passed");
    expect(passing.message).toContain(`path ${path}`);
    expect(fixedLog).toHaveLength(referenceRequests(ce));
  });
});
