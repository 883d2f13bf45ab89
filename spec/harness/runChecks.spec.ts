import { describe, expect, it } from "vitest";
import { checkSeed, type CheckContext } from "../../src/harness/check.ts";
import { exitCodeOf, runChecks, type CheckResult } from "../../src/harness/index.ts";
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import { CrashError, ProtocolError, RequestTimeoutError, StartupError, UnresponsiveError } from "../../src/protocol/index.ts";
import { fakeCheck, fakeImplementation, fixedCheck, HELLO, identityCheck, RUN_DEFAULTS } from "./fakes.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one identity check against a fake whose `activation` does `activation`; returns its result. */
async function outcomeWhen(activation: Implementation["activation"], stderrTail?: () => string): Promise<CheckResult> {
  const report = await runChecks({
    ...RUN_DEFAULTS, implementation: fakeImplementation({ activation }), checks: [identityCheck("a/b")], ...(stderrTail ? { stderrTail } : {}),
  });
  return report.checks[0]!;
}

describe("runChecks: outcomes of what the implementation does", () => {
  const thrower = (error: unknown) => async (): Promise<never> => {
    throw error;
  };
  const cases: [string, unknown, string, RegExp][] = [
    ["ImplementationError unsupported", new ImplementationError("unsupported", "no identity here"), "skipped", /^unsupported: no identity here$/],
    ["an Error with code unsupported (a module)", Object.assign(new Error("not offered"), { code: "unsupported" }), "skipped", /^unsupported: not offered$/],
    ["invalid_params", new ImplementationError("invalid_params", "x must be numbers"), "failed", /^rejected a valid request: x must be numbers$/],
    ["internal", new ImplementationError("internal", "KeyError: 'x'"), "errored", /^internal error: KeyError: 'x'$/],
    ["a protocol error", new ProtocolError("protocol error: line \"garbage\" is not JSON"), "errored", /^protocol error: line "garbage" is not JSON$/],
    ["a TypeError (a bug in a module)", new TypeError("cannot read properties of undefined (reading 'map')"), "errored", /^the implementation threw TypeError: cannot read properties of undefined/],
  ];
  for (const [what, error, status, message] of cases) {
    it(`${what} → ${status}`, async () => {
      const result = await outcomeWhen(thrower(error));
      expect(result.status).toBe(status);
      expect(result.message).toMatch(message);
    });
  }

  it("a crash → errored with the first line of the message and the crash's stderr tail in details", async () => {
    const tail = "Traceback (most recent call last):\nZeroDivisionError: float division by zero";
    const crash = new CrashError(`request #3 (activation) failed: the implementation exited with code 3; the end of its stderr:\n${tail}`, 3, null, tail);
    const result = await outcomeWhen(thrower(crash), () => "not this one");
    expect(result.status).toBe("errored");
    expect(result.message).toBe("request #3 (activation) failed: the implementation exited with code 3 (its stderr is shown below)");
    expect(result.details?.stderr).toBe(tail);
    expect(result.details?.failure).toBe("crash");
  });

  it("a timeout → errored with the client's stderr tail", async () => {
    const result = await outcomeWhen(thrower(new RequestTimeoutError("request #4 (activation) timed out after 50 ms", 50)), () => "loading weights…\n");
    expect(result).toMatchObject({ status: "errored", message: "request #4 (activation) timed out after 50 ms", details: { failure: "timeout", stderr: "loading weights…" } });
  });

  it("a malformed answer fails the check with the shape message, before the check sees it", async () => {
    const result = await outcomeWhen(async () => ({ value: [1], derivative: [1, "one"] as unknown as number[] }));
    expect(result.status).toBe("failed");
    expect(result.message).toBe("activation answered a malformed result: value has 1 entries, expected 2 (one per entry of x) (+1 more shape problems)");
    expect(result.details?.problems).toEqual(["value has 1 entries, expected 2 (one per entry of x)", 'derivative[1] is "one", expected a number']);
  });

  it("a correct answer passes", async () => {
    const result = await outcomeWhen(async ({ x }) => ({ value: [...x], derivative: x.map(() => 1) }));
    expect(result).toMatchObject({ status: "passed", message: "identity" });
  });
});

describe("runChecks: what a check catches does not hide what the implementation did", () => {
  /** A check that calls activation, catches anything and reports it as a failure (as a property runner would). */
  const catching = (onCatch: "failed" | "passed") => fakeCheck("p/catching", async ({ implementation }) => {
    try {
      await implementation.activation({ name: "identity", x: [1] });
      return { status: "passed", message: "fine" };
    } catch (error) {
      return { status: onCatch, message: `counterexample [1]: ${(error as Error).message}` };
    }
  });
  const run = async (error: unknown, onCatch: "failed" | "passed") => (await runChecks({
    ...RUN_DEFAULTS, checks: [catching(onCatch)], implementation: fakeImplementation({ activation: async () => { throw error; } }),
  })).checks[0]!;

  it("a crash caught by the check still errors it", async () => {
    expect(await run(new CrashError("the implementation was killed by signal SIGSEGV", null, "SIGSEGV", ""), "failed")).toMatchObject({ status: "errored", message: "the implementation was killed by signal SIGSEGV" });
  });
  it("a malformed answer caught by the check still fails it with the shape message, even if the check passed", async () => {
    const report = await runChecks({
      ...RUN_DEFAULTS, checks: [catching("passed")],
      implementation: fakeImplementation({ activation: async () => ({ value: [], derivative: [1] }) }),
    });
    expect(report.checks[0]).toMatchObject({ status: "failed", message: "activation answered a malformed result: value has 0 entries, expected 1 (one per entry of x)" });
  });
  it("an unsupported answer caught by a failing check skips it", async () => {
    expect(await run(new ImplementationError("unsupported", "no"), "failed")).toMatchObject({ status: "skipped", message: "unsupported: no" });
  });
  it("an error response the check handled and passed on stays passed", async () => {
    expect(await run(new ImplementationError("invalid_params", "bad"), "passed")).toMatchObject({ status: "passed" });
  });
  it("a check's own exception is errored as a bug in nncheck", async () => {
    const report = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks: [fakeCheck("bug", async () => { throw new RangeError("index 9 out of range"); })] });
    expect(report.checks[0]!.status).toBe("errored");
    expect(report.checks[0]!.message).toBe("the check itself threw RangeError: index 9 out of range (a bug in nncheck: please report it)");
  });
  it("a malformed outcome is errored", async () => {
    const report = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks: [fixedCheck("bad", { status: "ok", message: "x" } as never)] });
    expect(report.checks[0]!.status).toBe("errored");
    expect(report.checks[0]!.message).toMatch(/^the check returned a malformed outcome \{"status":"ok","message":"x"\}/);
  });
});

describe("runChecks: the run", () => {
  it("skips a check whose needs the hello does not offer, with the reason, without running it", async () => {
    let ran = false;
    const hello = { ...HELLO, methods: ["forward", "activation"], activations: ["relu", "identity"], networks: [{ layers: [3, 3, 1], activations: ["relu", "relu"] }] };
    const check = (id: string, needs: Parameters<typeof fakeCheck>[2]) => fakeCheck(id, async () => ((ran = true), { status: "passed", message: "ran" }), needs);
    const report = await runChecks({
      ...RUN_DEFAULTS, implementation: fakeImplementation({}, hello), checks: [
        check("needs/train", { methods: ["train"] }),
        check("needs/tanh", { methods: ["activation"], activations: ["tanh"] }),
        check("needs/shape", { methods: ["forward"], networks: [{ layers: [2, 5, 1], activations: ["relu", "relu"], cost: "squared_error" }] }),
      ],
    });
    expect(ran).toBe(false);
    expect(report.checks.map((r) => [r.status, r.message])).toEqual([
      ["skipped", 'needs method "train", which the implementation does not offer (its hello lists methods: forward, activation)'],
      ["skipped", 'needs activation "tanh", which the implementation does not offer (its hello lists activations: relu, identity)'],
      ["skipped", "needs network 2-5-1 (relu, relu), which is not among the shapes the implementation offers (its hello lists networks: 3-3-1 (relu, relu))"],
    ]);
    expect(exitCodeOf(report.summary)).toBe(0);
  });

  it("reports in the checks' order whatever order they end in, with at most `concurrency` running at once", async () => {
    let running = 0;
    let most = 0;
    const checks = Array.from({ length: 10 }, (_, i) => fakeCheck(`c/${i}`, async () => {
      most = Math.max(most, ++running);
      await sleep((10 - i) * 3);
      running--;
      return { status: "passed", message: `c${i}` };
    }));
    const ended: string[] = [];
    const report = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks, concurrency: 3, onResult: (r, done, total) => ended.push(`${r.id} ${done}/${total}`) });
    expect(report.checks.map((r) => r.message)).toEqual(checks.map((_, i) => `c${i}`));
    expect(most).toBe(3);
    expect(ended).toHaveLength(10);
    expect(ended[9]).toMatch(/ 10\/10$/);
    expect(ended).not.toEqual(checks.map((c, i) => `${c.id} ${i + 1}/10`)); // they did end out of order
  });

  it("by default runs one check at a time, so each check's time is its own: the times add up to at most the run's", async () => {
    let running = 0;
    let most = 0;
    const checks = Array.from({ length: 4 }, (_, i) => fakeCheck(`t/${i}`, async () => {
      most = Math.max(most, ++running);
      await sleep(20);
      running--;
      return { status: "passed", message: "" };
    }));
    const report = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks });
    expect(most).toBe(1);
    expect(report.checks.every((r) => r.durationMs >= 15)).toBe(true); // its sleep is inside its time
    expect(report.checks.reduce((t, r) => t + r.durationMs, 0)).toBeLessThanOrEqual(report.durationMs); // no window counted twice
  });

  it("gives each check its own seed, the runs, the hello, its dtype, the replay prefix and path; times it", async () => {
    const seen: CheckContext[] = [];
    const check = (id: string) => fakeCheck(id, async (context) => (seen.push(context), await sleep(30), { status: "passed", message: "" }));
    const report = await runChecks({ ...RUN_DEFAULTS, seed: 99, runs: 5, replayPath: "3:1:0", implementation: fakeImplementation({}, { ...HELLO, dtype: "float32" }), checks: [check("x/one"), check("x/two")] });
    expect(seen.map((c) => c.seed)).toEqual([checkSeed(99, "x/one"), checkSeed(99, "x/two")]);
    expect(seen[0]!.seed).not.toBe(seen[1]!.seed);
    expect(seen.every((c) => c.runs === 5 && c.dtype === "float32" && c.hello.dtype === "float32" && c.replayPath === "3:1:0" && c.replayPrefix === RUN_DEFAULTS.replayPrefix)).toBe(true);
    expect(report.checks.every((r) => r.durationMs >= 25)).toBe(true); // the 30 ms sleep is inside its time (no upper bound: a loaded machine may take longer)
    expect(report).toMatchObject({ seed: 99, runs: 5, protocol: 1, replay: RUN_DEFAULTS.replayPrefix });
  });

  it("a hello that throws or is malformed is a StartupError", async () => {
    await expect(runChecks({ ...RUN_DEFAULTS, checks: [], implementation: fakeImplementation({ hello: async () => { throw new Error("no numpy"); } }) }))
      .rejects.toThrow(new StartupError("the implementation's hello() failed: no numpy"));
    await expect(runChecks({ ...RUN_DEFAULTS, checks: [], implementation: fakeImplementation({}, { ...HELLO, dtype: "float8" } as never) }))
      .rejects.toThrow(/malformed hello result: "dtype" must be one of "float64", "float32", "float16", "bfloat16", got "float8"/);
  });

  it("once the implementation is unresponsive, the checks not yet started are errored without running", async () => {
    const dead = new UnresponsiveError("implementation \"x\" declared unresponsive: 3 failures in a row", new ProtocolError("p"));
    let calls = 0;
    const implementation = fakeImplementation({ activation: async () => { calls++; throw dead; } });
    const report = await runChecks({ ...RUN_DEFAULTS, implementation, concurrency: 1, checks: ["u/1", "u/2", "u/3"].map(identityCheck) });
    expect(calls).toBe(1);
    expect(report.checks.map((r) => r.status)).toEqual(["errored", "errored", "errored"]);
    expect(report.checks[1]!.message).toBe(`not run: ${dead.message}`);
  });
});

describe("runChecks: expected failures", () => {
  const expected = (ids: string[]) => new Map(ids.map((id) => [id, { id, reason: `known bug in ${id}` }]));

  it("failed → xfailed (exit 0), passed → xpassed (exit 1), errored and skipped keep their status", async () => {
    const checks = [
      fixedCheck("e/fails", { status: "failed", message: "W1[0][0] wrong" }),
      fixedCheck("e/passes", { status: "passed", message: "all agree" }),
      fixedCheck("e/errors", { status: "errored", message: "timed out" }),
      fixedCheck("e/skipped", { status: "skipped", message: "unsupported" }),
    ];
    const onlyFailing = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks: [checks[0]!], expectedFailures: expected(["e/fails"]) });
    expect(onlyFailing.checks[0]).toMatchObject({ status: "xfailed", message: "W1[0][0] wrong", expectedFailure: "known bug in e/fails" });
    expect(onlyFailing.summary).toEqual({ passed: 0, failed: 0, errored: 0, skipped: 0, xfailed: 1, xpassed: 0 });
    expect(exitCodeOf(onlyFailing.summary)).toBe(0);

    const all = await runChecks({ ...RUN_DEFAULTS, implementation: fakeImplementation(), checks, expectedFailures: expected(checks.map((c) => c.id)) });
    expect(all.checks.map((r) => r.status)).toEqual(["xfailed", "xpassed", "errored", "skipped"]);
    expect(all.checks[1]!.message).toBe('passed, but it is listed as an expected failure ("known bug in e/passes"): remove it from the list (all agree)');
    expect(all.summary).toEqual({ passed: 0, failed: 0, errored: 1, skipped: 1, xfailed: 1, xpassed: 1 });
    expect(exitCodeOf(all.summary)).toBe(1);
    expect(exitCodeOf({ ...all.summary, errored: 0 })).toBe(1); // xpassed alone fails the run
  });
});
