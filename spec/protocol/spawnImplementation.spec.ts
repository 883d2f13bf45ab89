// The protocol client against the fakes of fakes/fake.mjs. Timeouts are asserted on a manual clock (to the
// millisecond, and never because the machine is slow); everything else by the events themselves.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ImplementationError, type ForwardRequest } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";
import {
  ClosedError, CrashError, ProtocolError, RequestTimeoutError, StartupError, UnresponsiveError,
  shapeProblems, spawnImplementation, withRequestLabel, type ProtocolImplementation, type SpawnOptions,
} from "../../src/protocol/index.ts";
import { trackedGroupCount } from "../../src/protocol/processGroups.ts";
import { ManualClock, turns, until } from "../support/manualClock.ts";
import { FAKE, fake, processIsGone, seedGradientsRequest, waitUntilGone } from "./helpers.ts";

const open: ProtocolImplementation[] = [];
async function start(mode: string, options: SpawnOptions = {}): Promise<ProtocolImplementation> {
  const client = await spawnImplementation(fake(mode), { timeoutMs: 60_000, startupTimeoutMs: HELLO_MS, ...options });
  open.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  expect(trackedGroupCount()).toBe(0);
});

const identity = (...x: number[]) => ({ name: "identity" as const, x });
const held = () => identity(999); // the fake never answers this one…
const release = () => identity(998); // …until this one makes it answer the oldest held request
const forwardRequest: ForwardRequest = { network: seedNetwork, params: seedGradientsRequest.params, inputs: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]] };

/** `startupTimeoutMs` of the clients started here: a hello's clock is told apart from a request's by it. */
const HELLO_MS = 777_777;

/**
 * Waits until a request's clock runs on `clock` (not a restart's hello clock), then asserts at once that it is due
 * exactly `timeoutMs` from now: a timer of the wrong length fails here, instead of a test waiting for it forever.
 */
async function expectArmed(clock: ManualClock, timeoutMs: number, what = "the request's clock"): Promise<void> {
  const requestClocks = () => clock.deadlines.filter((d) => d !== clock.now() + HELLO_MS);
  await until(() => requestClocks().length > 0, what);
  expect(requestClocks(), what).toEqual([clock.now() + timeoutMs]);
}

/** Whether `promise` has settled yet, without waiting for it. */
function watch<T>(promise: Promise<T>): { readonly settled: () => boolean; readonly promise: Promise<T> } {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  return { settled: () => settled, promise };
}

describe("spawnImplementation: startup failures are StartupErrors", () => {
  it("a missing executable", async () => {
    await expect(spawnImplementation("nncheck-no-such-program --flag")).rejects.toThrow(new StartupError(
      'cannot start "nncheck-no-such-program --flag": no executable "nncheck-no-such-program" found (looked in PATH and the working directory)'));
  });

  it("a process that exits before answering hello: exit code and stderr in the message", async () => {
    const error = await spawnImplementation(fake("crash-at-start")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(/did not start: it exited with code 1 before answering hello; the end of its stderr:\nfake: cannot import numpy$/);
  });

  it("a hello that never comes: exactly startupTimeoutMs on the clock, and a hint about flushing when stdout stayed silent", async () => {
    for (const mode of ["hang-hello", "no-flush"]) {
      const clock = new ManualClock();
      const starting = watch(spawnImplementation(fake(mode), { startupTimeoutMs: 300, clock }));
      try {
        await until(() => clock.deadlines.length === 1, "the hello request's clock");
        expect(clock.deadlines).toEqual([300]);
        clock.advance(299);
        await turns();
        expect(starting.settled(), `${mode}: not yet at 299 ms`).toBe(false);
        clock.advance(1);
        const error = await starting.promise.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect((error as Error).message).toMatch(/did not start: no answer to "hello" within 300 ms \(--hello-timeout-ms\); nothing at all arrived on its stdout: .*flush stdout after every line \(Python: print\(\.\.\., flush=True\), or run python3 -u\)$/);
      } finally {
        clock.advance(1e12); // whatever failed above, the start settles and its process is killed
        await starting.promise.catch(() => undefined);
      }
    }
  });

  it.each([
    ["bad-hello", /malformed hello result: "protocol" must be 1, got 2/],
    ["banner", /did not start: before its hello answer: protocol error: stdout line is not JSON: "Loading model weights from \.\/model\.npz …"/],
    ["deep-hello", /did not start: before its hello answer: protocol error: stdout line nests arrays or objects more than 64 deep \(protocol v1 needs at most 5\): "\{\\"id\\": 1, \\"result\\": \[\[\[/],
  ])("%s: a StartupError naming what came instead of a hello", async (mode, message) => {
    const error = await spawnImplementation(fake(mode)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(message);
  });

  it("a command line that cannot be split", async () => {
    await expect(spawnImplementation('python3 "adapter.py')).rejects.toThrow(new StartupError('cannot split command line "python3 \\"adapter.py": unterminated double quote at position 8'));
  });
});

describe("spawnImplementation: requests", () => {
  it("pipelines many requests and matches responses that come back in another order by id", async () => {
    const client = await start("reverse");
    const xs = Array.from({ length: 200 }, (_, i) => i / 7);
    const results = await Promise.all(xs.map((x) => client.activation(identity(x))));
    expect(results.map((r) => r.value[0])).toEqual(xs);
  });

  it("sends -0 as -0.0 and non-finite numbers as strings, and only the keys the protocol names", async () => {
    const sent: string[] = [];
    const client = await start("good", { trace: (direction, line) => direction === "send" && sent.push(line) });
    await client.activation({ ...identity(-0, Number.NaN, Infinity, -Infinity, 0.1), expected: [1] } as never);
    expect(sent[1]).toBe('{"id":2,"method":"activation","params":{"name":"identity","x":[-0.0,"NaN","Infinity","-Infinity",0.1]}}');
  });

  it("passes error responses on as ImplementationError, and short-circuits methods hello does not offer", async () => {
    const client = await start("error");
    await expect(client.activation(identity(1))).rejects.toThrow(new ImplementationError("invalid_params", "fake rejects activation"));
    const trivial = await spawnImplementation("python3 examples/python/trivial_adapter.py");
    open.push(trivial);
    await expect(trivial.forward(forwardRequest)).rejects.toMatchObject({ code: "unsupported", message: 'trivial identity adapter does not offer "forward" (its hello lists: activation)' });
  });

  it("ignores top-level keys other than id, result and error", async () => {
    const client = await start("extra-keys");
    expect(await client.activation(identity(5))).toEqual({ value: [5], derivative: [1] });
  });
});

describe("spawnImplementation: the timeout measures the implementation", () => {
  it("a request fails exactly timeoutMs after it was written, on the clock, and the process is killed", async () => {
    const clock = new ManualClock();
    const client = await start("good", { timeoutMs: 300, clock });
    const firstPid = client.pid!;
    const call = watch(client.activation(held()));
    await expectArmed(clock, 300);
    clock.advance(299);
    await turns();
    expect(call.settled(), "not yet at 299 ms").toBe(false);
    clock.advance(1);
    const error = await call.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toBe("request #2 (activation) timed out after 300 ms; the implementation was killed and will be restarted");
    expect(await waitUntilGone(firstPid)).toBe(true);
    expect(await client.activation(identity(4))).toEqual({ value: [4], derivative: [1] });
    expect(client.pid).not.toBe(firstPid);
  });

  it("a queued request's clock starts when the requests before it have been answered, not when it was queued", async () => {
    const clock = new ManualClock();
    const client = await start("good", { timeoutMs: 1000, clock });
    const first = watch(client.activation(held()));
    const second = watch(client.activation(held()));
    await expectArmed(clock, 1000, "the first request's clock"); // one clock: the oldest request's
    clock.advance(900);
    expect(await client.activation(release())).toEqual({ value: [998], derivative: [1] }); // answers the first
    expect(await first.promise).toEqual({ value: [999], derivative: [1] });
    expect(clock.deadlines).toEqual([1900]); // the second's clock started at 900, when the first was answered
    clock.advance(999); // 1899: the second would have timed out at 1000 had its clock started when it was queued
    await turns();
    expect(second.settled()).toBe(false);
    clock.advance(1);
    await expect(second.promise).rejects.toThrow("request #3 (activation) timed out after 1000 ms");
  });

  it("an answer already waiting in the pipe when the clock runs out is read, not judged timed out", async () => {
    const clock = new ManualClock();
    const marker = join(mkdtempSync(join(tmpdir(), "nncheck-mark-")), "answered");
    const client = await spawnImplementation(`node ${FAKE} mark ${marker}`, { timeoutMs: 1000, clock });
    open.push(client);
    const call = client.activation(identity(7));
    await turns(1); // the request is written
    // Block the event loop, as nncheck's own oracle work can, until the answer is in the pipe, unread…
    const limit = Date.now() + 30_000;
    while (!existsSync(marker) && Date.now() < limit) { /* busy */ }
    expect(existsSync(marker), "the fake answered").toBe(true);
    clock.advance(5000); // …and let the clock run out before nncheck had a chance to read it.
    expect(await call).toEqual({ value: [7], derivative: [1] });
  });

  it("an implementation answering in order, 10 ms per request, with 200 queued at once, is never timed out at 1 s", async () => {
    const client = await spawnImplementation(`node ${FAKE} serial 10`, { timeoutMs: 1000 });
    open.push(client);
    const xs = Array.from({ length: 200 }, (_, i) => i);
    const results = await Promise.all(xs.map((x) => client.activation(identity(x)))); // ≥ 2 s in all
    expect(results.map((r) => r.value[0])).toEqual(xs);
    expect(client.restarts).toBe(0);
  });

  it("takes the timeout from a function of the method and request when given one", async () => {
    const clock = new ManualClock();
    const client = await start("good", { clock, timeoutMs: (method, request) => (method === "activation" && (request as { x: number[] }).x[0] === 999 ? 150 : 5000) });
    const call = client.activation(held());
    await expectArmed(clock, 150);
    clock.advance(150);
    await expect(call).rejects.toThrow(/timed out after 150 ms/);
  });

  it("a request in flight behind the one that timed out is sent again to the restarted process, not failed", async () => {
    const clock = new ManualClock();
    const sent: string[] = [];
    const client = await start("good", { timeoutMs: 100, clock, trace: (direction, line) => direction === "send" && sent.push(line) });
    const first = client.activation(held()).catch((e: unknown) => e);
    const second = watch(withRequestLabel("check/two", () => client.activation(held())));
    await expectArmed(clock, 100, "the first request's clock");
    clock.advance(100);
    expect(await first).toBeInstanceOf(RequestTimeoutError);
    await until(() => client.restarts === 1, "the restart");
    await expectArmed(clock, 100, "the second request's clock, on the restarted process");
    expect(second.settled()).toBe(false);
    expect(sent.filter((line) => line.includes('"method":"activation"'))).toHaveLength(3); // first, second, second again
    clock.advance(100);
    await expect(second.promise).rejects.toThrow(/^request #\d+ \(activation\) timed out after 100 ms; the implementation was killed/);
  });
});

describe("spawnImplementation: a broken implementation", () => {
  it("crash mid-run: the request being answered fails with the exit code and stderr tail; the one behind it is sent again", async () => {
    const client = await start("crash-on-train");
    const [before, train, after] = await Promise.allSettled([client.activation(identity(1)), client.train({} as never), client.activation(identity(2))]);
    expect(before).toEqual({ status: "fulfilled", value: { value: [1], derivative: [1] } });
    expect(train.status === "rejected" && train.reason).toBeInstanceOf(CrashError);
    expect(train.status === "rejected" && (train.reason as CrashError)).toMatchObject({
      exitCode: 3, signal: null,
      message: "request #3 (train) failed: the implementation exited with code 3 while answering it; the end of its stderr:\nTraceback (most recent call last):\nZeroDivisionError: float division by zero",
    });
    expect(after).toEqual({ status: "fulfilled", value: { value: [2], derivative: [1] } });
    expect(client.restarts).toBe(1);
    expect(client.diagnostics().join("\n")).toMatch(/restarted as pid \d+ \(restart 1 of at most 3\)/);
  });

  it("a process killed while idle is noticed and restarted on the next call", async () => {
    const client = await start("good");
    const pid = client.pid!;
    process.kill(pid, "SIGKILL");
    await until(() => client.pid === undefined, "the client to notice the exit");
    expect(await client.activation(identity(3))).toEqual({ value: [3], derivative: [1] });
    expect(client.diagnostics().join("\n")).toMatch(/while idle, the implementation was killed by signal SIGKILL/);
  });

  it("a last line without its newline before exit is named as such", async () => {
    const client = await start("no-newline-exit");
    const error = await client.activation(identity(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrashError);
    expect((error as Error).message).toBe('request #2 (activation) failed: the implementation exited with code 0 while answering it; its last stdout line has no newline at the end, so it was never read as a response (end every line with "\\n" and flush): "{\\"id\\":2,\\"result\\":{\\"value\\":[1],\\"derivative\\":[1]}}"; it wrote nothing to stderr');
  });

  it.each([
    ["garbage", /^request #2 \(activation\) failed: protocol error: stdout line is not JSON: "this is not json \{" \(stdout is reserved/],
    ["bare-nan", /stdout line is not JSON \(non-finite numbers must be the strings "NaN", "Infinity", "-Infinity"\): "\{\\"id\\": 2, \\"result\\": \{\\"value\\": \[NaN\]/],
    ["wrong-id", /protocol error: response "\{\\"id\\":1002,.*" has id 1002, which matches no request in flight \(in flight: 2\)/],
    ["no-result", /^request #2 \(activation\): response "\{\\"id\\":2,\\"outcome\\":\\"fine\\"\}" has neither a "result" nor an "error"/],
    ["both", /^request #2 \(activation\): response "\{\\"id\\":2,\\"result\\":.* has both a "result" and an "error"; expected exactly one of them$/],
    ["deep", /^request #2 \(activation\) failed: protocol error: stdout line nests arrays or objects more than 64 deep \(protocol v1 needs at most 5\): "\{\\"id\\": 2, \\"result\\": \[\[\[/],
    ["bom", /^request #2 \(activation\) failed: protocol error: stdout line starts with a UTF-8 byte order mark \(U\+FEFF\), which JSON does not allow: "\\ufeff\{\\"id\\":2,/],
    ["invalid-utf8", /^request #2 \(activation\) failed: protocol error: stdout line is not JSON \(it is not valid UTF-8: the bytes shown as U\+FFFD\): "\{\\"id\\": 2, \\"result\\": \{\\"value\\": \[\uFFFD\uFFFD\]/],
  ])("%s: the call fails with a ProtocolError quoting the line", async (mode, message) => {
    const client = await start(mode);
    const error = await client.activation(identity(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(message);
  });

  it("a second answer to one request is a protocol error that says so", async () => {
    const client = await start("duplicate");
    expect(await client.activation(identity(1))).toEqual({ value: [1], derivative: [1] });
    await until(() => client.pid === undefined, "the connection to be dropped");
    expect(client.diagnostics().join("\n")).toMatch(/protocol error: response "\{\\"id\\":2,.*" is a second answer to request #2, which was already answered \(exactly one response per request\)/);
  });

  it("an oversized line is a ProtocolError quoting its first 80 characters", async () => {
    const client = await start("oversized", { maxLineChars: 1000 });
    await expect(client.activation(identity(1))).rejects.toThrow(new ProtocolError(
      `request #2 (activation) failed: protocol error: stdout line longer than 1000 characters, starting ${JSON.stringify(`{"id": 2, "result": "${"y".repeat(59)}`)}…`));
  });

  it("wrong shape: the result arrives and shapeProblems names the entry", async () => {
    const client = await start("wrong-shape");
    const result = await client.forward(forwardRequest);
    expect(shapeProblems("forward", forwardRequest, result)).toEqual(["layers[0].z[1] has 2 entries, expected 3 (units of layer 1)"]);
  });

  it("a huge answer of the wrong shape: the shape problems stay short", async () => {
    const client = await start("huge-wrong-shape");
    const result = await client.gradients(seedGradientsRequest);
    const problems = shapeProblems("gradients", seedGradientsRequest, result);
    expect(problems[0]).toMatch(/^grads\[0\]\.W has 300 rows, expected 3/);
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)).toMatch(/^… and \d+ more shape problems$/);
  });

  it("NaN everywhere: decoded to non-finite numbers, which are not shape problems", async () => {
    const client = await start("nan");
    const forward = await client.forward(forwardRequest);
    const gradients = await client.gradients(seedGradientsRequest);
    const leaves = [forward.layers.map((l) => [l.z, l.a]), gradients.cost, gradients.grads.map((g) => [g.W, g.b])].flat(9) as unknown[];
    expect(leaves).toHaveLength(2 * 2 * (3 + 1) + 1 + (9 + 3 + 3 + 1));
    expect(new Set(leaves.map(String))).toEqual(new Set(["NaN", "Infinity", "-Infinity"]));
    expect(leaves.every((x) => typeof x === "number")).toBe(true);
    expect(shapeProblems("forward", forwardRequest, forward)).toEqual([]);
    expect(shapeProblems("gradients", seedGradientsRequest, gradients)).toEqual([]);
  });

  it("stderr flood: capture is bounded, keeps the tail, and nothing deadlocks", async () => {
    const client = await start("stderr-flood", { stderrLimitChars: 65536 });
    const value = await Promise.all(Array.from({ length: 20 }, (_, i) => client.activation(identity(i))));
    expect(value).toHaveLength(20);
    const expectedTotal = 4 * 1024 * 1024 + 1 + 20 * (256 * 1024 + 1);
    await until(() => client.stderr().totalChars >= expectedTotal, "all of stderr");
    const stderr = client.stderr();
    expect(stderr.text).toHaveLength(65536);
    expect(stderr.text.endsWith("y\n")).toBe(true);
    expect(stderr.totalChars).toBe(expectedTotal);
    expect(stderr.droppedChars).toBe(stderr.totalChars - 65536);
  });

  it("unresponsive after N failures in a row: pending calls fail with the last failure, later ones at once", async () => {
    const clock = new ManualClock();
    const client = await start("hang", { timeoutMs: 200, maxConsecutiveFailures: 3, maxRestarts: 10, clock });
    for (let i = 0; i < 2; i++) {
      const call = client.activation(identity(i)).catch((e: unknown) => e);
      await expectArmed(clock, 200);
      clock.advance(200);
      expect(await call).toBeInstanceOf(RequestTimeoutError);
    }
    const third = Promise.allSettled([1, 2, 3].map((x) => client.activation(identity(x))));
    await expectArmed(clock, 200, "the third round's clock");
    clock.advance(200);
    const reasons = (await third).map((r) => (r.status === "rejected" ? (r.reason as Error) : undefined));
    expect(reasons[0]).toBeInstanceOf(RequestTimeoutError); // the one being answered
    expect(reasons.slice(1).every((e) => e instanceof UnresponsiveError)).toBe(true); // the others, sent again, find it dead
    // At once: the clock is not moved again, so a call that waited for a timeout would never settle.
    const later = await client.activation(identity(4)).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(UnresponsiveError);
    expect((later as Error).message).toMatch(/declared unresponsive: 3 failures in a row \(timeouts, crashes or protocol errors\); the last: request #\d+ \(activation\) timed out after 200 ms$/);
    expect(client.restarts).toBe(2);
  });

  it("restarts are bounded: past maxRestarts it is declared unresponsive", async () => {
    const client = await start("crash-on-train", { maxRestarts: 1, maxConsecutiveFailures: 10 });
    await expect(client.train({} as never)).rejects.toBeInstanceOf(CrashError);
    await expect(client.train({} as never)).rejects.toBeInstanceOf(CrashError);
    const error = await client.activation(identity(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnresponsiveError);
    expect((error as Error).message).toMatch(/declared unresponsive: it was already restarted 1 times \(maxRestarts 1\) and is not restarted again$/);
  });

  it("a restart whose hello differs from the first one's is not used", async () => {
    const clock = new ManualClock();
    const client = await start("pid-hello", { timeoutMs: 200, clock });
    const call = client.activation(held()).catch((e: unknown) => e);
    await expectArmed(clock, 200);
    clock.advance(200);
    expect(await call).toBeInstanceOf(RequestTimeoutError);
    const error = await client.activation(identity(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnresponsiveError);
    expect((error as Error).message).toMatch(/after restart 1 its hello \{.*"name":"fake \d+".*\} differs from the first \{.*\}$/);
  });
});

describe("spawnImplementation: close", () => {
  it("kills the whole process group: no grandchild survives", async () => {
    const client = await start("grandchild");
    const grandchild = Number(/grandchild (\d+)/.exec(client.helloResult.name)![1]);
    const leader = client.pid!;
    expect(await processIsGone(grandchild)).toBe(false);
    const pending = client.activation(held()).catch((error: unknown) => error);
    await client.close();
    expect(await pending).toBeInstanceOf(ClosedError);
    await expect(client.activation(identity(1))).rejects.toThrow(new ClosedError("activation called after close()"));
    expect(await waitUntilGone(grandchild)).toBe(true);
    expect(await waitUntilGone(leader)).toBe(true);
  });

  it("kills a process that ignores shutdown and SIGTERM after the grace period", async () => {
    const client = await start("ignore-shutdown", { closeGraceMs: 200 });
    const leader = client.pid!;
    await client.close();
    expect(await waitUntilGone(leader)).toBe(true);
  });
});

describe("spawnImplementation: options", () => {
  it.each([
    [{ timeoutMs: Infinity }, "spawnImplementation: options.timeoutMs must be a number of milliseconds in (0, 2147483647], got Infinity"],
    [{ startupTimeoutMs: 0 }, "spawnImplementation: options.startupTimeoutMs must be a number of milliseconds in (0, 2147483647], got 0"],
    [{ maxConsecutiveFailures: 0 }, "spawnImplementation: options.maxConsecutiveFailures must be an integer ≥ 1, got 0"],
    [{ maxRestarts: 1.5 }, "spawnImplementation: options.maxRestarts must be an integer ≥ 0, got 1.5"],
  ])("rejects %j before starting anything", async (options, message) => {
    await expect(spawnImplementation(fake("good"), options)).rejects.toThrow(new RangeError(message));
  });
});
