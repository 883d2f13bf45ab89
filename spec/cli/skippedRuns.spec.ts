// A run in which every check was skipped checked nothing: it exits 0 (nothing failed), but its summary line says
// "nothing was checked" and a warning names why, from the implementation's hello; --fail-on-skip makes it fail.
import { describe, expect, it } from "vitest";
import { shellCommand } from "../../src/harness/index.ts";
import { FAKE } from "../protocol/helpers.ts";
import { STACK_LINE } from "./runCli.ts";
import { runMain } from "./runInProcess.ts";

const activationOnly = shellCommand(["node", FAKE, "activation-only"]);
const NOT_OFFERED = ["--only", "oracle/forward/3-3-1", "--only", "oracle/gradients/3-3-1"];

describe("runs that skip checks", () => {
  it.concurrent("every check skipped: exit 0, 'nothing was checked' in the summary line, and a warning naming the hello", async () => {
    const run = await runMain(["run", "--impl", activationOnly, ...NOT_OFFERED]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^2 checks: 2 skipped — nothing was checked in .* \(seed 1\)$/m);
    expect(run.err).toMatch(/^nncheck run: warning: all 2 checks were skipped, so nothing was checked: fake activation-only's hello offers methods: activation; activations: relu, logistic, tanh, identity; skipped because: needs method "(forward|gradients)"/);
    expect(run.err).not.toMatch(STACK_LINE);
  });

  it.concurrent("--fail-on-skip: the same run exits 1 and says why", async () => {
    const run = await runMain(["run", "--impl", activationOnly, ...NOT_OFFERED, "--fail-on-skip"]);
    expect(run.code).toBe(1);
    expect(run.err).toContain("nncheck run: --fail-on-skip: 2 of 2 checks were skipped (the report says why)");
  });

  it.concurrent("--fail-on-skip with one check skipped among others that pass fails too; without it, exit 0 and no warning", async () => {
    const mixed = ["run", "--impl", activationOnly, "--only", "activation/identity/audit", "--only", "oracle/forward/3-3-1"];
    const strict = await runMain([...mixed, "--fail-on-skip"]);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain("--fail-on-skip: 1 of 2 checks were skipped");
    const lenient = await runMain(mixed);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toBe("");
    expect(lenient.out).toMatch(/^2 checks: 1 passed, 1 skipped in /m);
  });
});
