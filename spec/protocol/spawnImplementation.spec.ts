import { afterEach, describe, expect, it } from "vitest";
import { ImplementationError, type ForwardRequest } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";
import {
  ClosedError, CrashError, ProtocolError, RequestTimeoutError, StartupError, UnresponsiveError,
  shapeProblems, spawnImplementation, type ProtocolImplementation, type SpawnOptions,
} from "../../src/protocol/index.ts";
import { trackedGroupCount } from "../../src/protocol/processGroups.ts";
import { fake, processIsGone, seedGradientsRequest, timed, waitUntilGone } from "./helpers.ts";

const open: ProtocolImplementation[] = [];
async function start(mode: string, options: SpawnOptions = {}): Promise<ProtocolImplementation> {
  const client = await spawnImplementation(fake(mode), { timeoutMs: 2000, ...options });
  open.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  expect(trackedGroupCount()).toBe(0);
});

const identity = (...x: number[]) => ({ name: "identity" as const, x });
const held = () => identity(999); // the fake never answers this one
const forwardRequest: ForwardRequest = { network: seedNetwork, params: seedGradientsRequest.params, inputs: [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]] };

describe("spawnImplementation: startup failures are StartupErrors", () => {
  it("a missing executable", async () => {
    const { ms, error } = await timed(spawnImplementation("nncheck-no-such-program --flag"));
    expect(error).toBeInstanceOf(StartupError);
    expect(error?.message).toBe('cannot start "nncheck-no-such-program --flag": no executable "nncheck-no-such-program" found (looked in PATH and the working directory)');
    expect(ms).toBeLessThan(2000);
  });

  it("a process that exits before answering hello: exit code and stderr in the message", async () => {
    const { ms, error } = await timed(spawnImplementation(fake("crash-at-start")));
    expect(error).toBeInstanceOf(StartupError);
    expect(error?.message).toMatch(/did not start: it exited with code 1; the end of its stderr:\nfake: cannot import numpy/);
    expect(ms).toBeLessThan(3000);
  });

  it("a hello that never comes", async () => {
    const { ms, error } = await timed(spawnImplementation(fake("hang-hello"), { startupTimeoutMs: 300 }));
    expect(error).toBeInstanceOf(StartupError);
    expect(error?.message).toMatch(/did not start: no answer to "hello" within 300 ms$/);
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(300 + 1500);
  });

  it("a hello for another protocol version", async () => {
    const { error } = await timed(spawnImplementation(fake("bad-hello")));
    expect(error).toBeInstanceOf(StartupError);
    expect(error?.message).toMatch(/malformed hello result: "protocol" must be 1, got 2/);
  });

  it("a command line that cannot be split", async () => {
    const { error } = await timed(spawnImplementation('python3 "adapter.py'));
    expect(error).toBeInstanceOf(StartupError);
    expect(error?.message).toBe('cannot split command line "python3 \\"adapter.py": unterminated double quote at position 8');
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
    const { error } = await timed(trivial.forward(forwardRequest));
    expect(error).toBeInstanceOf(ImplementationError);
    expect(error).toMatchObject({ code: "unsupported", message: 'trivial identity adapter does not offer "forward" (its hello lists: activation)' });
  });
});

describe("spawnImplementation: a broken implementation", () => {
  it("crash mid-run: in-flight requests fail with the exit code and stderr tail, then it restarts and replays hello", async () => {
    const client = await start("crash-on-train");
    const { ms, value } = await timed(Promise.allSettled([client.activation(held()), client.activation(held()), client.train({} as never)]));
    expect(ms).toBeLessThan(2000);
    const errors = value!.map((r) => (r.status === "rejected" ? (r.reason as CrashError) : undefined));
    expect(errors.map((e) => [e instanceof CrashError, e?.exitCode, e?.signal])).toEqual([[true, 3, null], [true, 3, null], [true, 3, null]]);
    expect(errors.map((e) => e!.message)).toEqual(["activation", "activation", "train"].map((method, i) =>
      `request #${i + 2} (${method}) failed: the implementation exited with code 3; the end of its stderr:\nTraceback (most recent call last):\nZeroDivisionError: float division by zero`));
    expect(await client.activation(identity(2))).toEqual({ value: [2], derivative: [1] });
    expect(client.restarts).toBe(1);
    expect(client.diagnostics().join("\n")).toMatch(/restarted as pid \d+ \(restart 1 of at most 3\)/);
  });

  it("a process killed while idle is noticed and restarted on the next call", async () => {
    const client = await start("good");
    process.kill(client.pid!, "SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    expect(await client.activation(identity(3))).toEqual({ value: [3], derivative: [1] });
    expect(client.diagnostics().join("\n")).toMatch(/while idle, the implementation was killed by signal SIGKILL/);
  });

  it("hang: the request times out, the process is killed and the next call restarts it", async () => {
    const client = await start("good", { timeoutMs: 300 });
    const firstPid = client.pid!;
    const { ms, error } = await timed(client.activation(held()));
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error?.message).toMatch(/^request #2 \(activation\) timed out after 300 ms; the implementation was killed and will be restarted$/);
    expect(ms).toBeGreaterThanOrEqual(299);
    expect(ms).toBeLessThan(300 + 1000);
    expect(await waitUntilGone(firstPid)).toBe(true);
    expect(await client.activation(identity(4))).toEqual({ value: [4], derivative: [1] });
    expect(client.pid).not.toBe(firstPid);
  });

  it("takes the timeout from a function of the method and request when given one", async () => {
    const client = await start("good", { timeoutMs: (method, request) => (method === "activation" && (request as { x: number[] }).x[0] === 999 ? 150 : 5000) });
    const { ms, error } = await timed(client.activation(held()));
    expect(error?.message).toMatch(/timed out after 150 ms/);
    expect(ms).toBeLessThan(150 + 1000);
  });

  it.each([
    ["garbage", /^request #2 \(activation\) failed: protocol error: stdout line is not JSON: "this is not json \{" \(stdout is reserved/],
    ["bare-nan", /stdout line is not JSON \(non-finite numbers must be the strings "NaN", "Infinity", "-Infinity"\): "\{\\"id\\": 2, \\"result\\": \{\\"value\\": \[NaN\]/],
    ["wrong-id", /protocol error: response "\{\\"id\\":1002,.*" has id 1002, which matches no request in flight \(in flight: 2\)/],
    ["no-result", /^request #2 \(activation\): response "\{\\"id\\":2,\\"outcome\\":\\"fine\\"\}" has neither a "result" nor an "error"/],
  ])("%s: the call fails with a ProtocolError quoting the line", async (mode, message) => {
    const client = await start(mode);
    const { ms, error } = await timed(client.activation(identity(1)));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error?.message).toMatch(message);
    expect(ms).toBeLessThan(1000);
  });

  it("an oversized line is a ProtocolError quoting its first 80 characters", async () => {
    const client = await start("oversized", { maxLineChars: 1000 });
    const { error } = await timed(client.activation(identity(1)));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error?.message).toBe(`request #2 (activation) failed: protocol error: stdout line longer than 1000 characters, starting ${JSON.stringify(`{"id": 2, "result": "${"y".repeat(59)}`)}…`);
  });

  it("wrong shape: the result arrives and shapeProblems names the entry", async () => {
    const client = await start("wrong-shape");
    const result = await client.forward(forwardRequest);
    expect(shapeProblems("forward", forwardRequest, result)).toEqual(["layers[0].z[1] has 2 entries, expected 3 (units of layer 1)"]);
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
    const { ms, value } = await timed(Promise.all(Array.from({ length: 20 }, (_, i) => client.activation(identity(i)))));
    expect(value).toHaveLength(20);
    expect(ms).toBeLessThan(2000);
    const expectedTotal = 4 * 1024 * 1024 + 1 + 20 * (256 * 1024 + 1);
    for (let i = 0; i < 100 && client.stderr().totalChars < expectedTotal; i++) await new Promise((r) => setTimeout(r, 20));
    const stderr = client.stderr();
    expect(stderr.text).toHaveLength(65536);
    expect(stderr.text.endsWith("y\n")).toBe(true);
    expect(stderr.totalChars).toBe(expectedTotal);
    expect(stderr.droppedChars).toBe(stderr.totalChars - 65536);
  });

  it("unresponsive after N failures in a row: pending calls fail with the last failure, later ones at once", async () => {
    const client = await start("hang", { timeoutMs: 200, maxConsecutiveFailures: 3, maxRestarts: 10 });
    for (let i = 0; i < 2; i++) await expect(client.activation(identity(i))).rejects.toBeInstanceOf(RequestTimeoutError);
    const third = await timed(Promise.allSettled([1, 2, 3].map((x) => client.activation(identity(x)))));
    expect(third.ms).toBeLessThan(200 + 1500);
    expect(third.value!.map((r) => r.status === "rejected" && r.reason instanceof RequestTimeoutError)).toEqual([true, true, true]);
    const later = await timed(client.activation(identity(4)));
    expect(later.error).toBeInstanceOf(UnresponsiveError);
    expect(later.error?.message).toMatch(/declared unresponsive: 3 failures in a row \(timeouts, crashes or protocol errors\); the last: request #\d+ \(activation\) timed out after 200 ms$/);
    expect(later.ms).toBeLessThan(150); // at once: well under the 200 ms timeout it would otherwise wait out
    expect(client.restarts).toBe(2);
  });

  it("restarts are bounded: past maxRestarts it is declared unresponsive", async () => {
    const client = await start("crash-on-train", { maxRestarts: 1, maxConsecutiveFailures: 10 });
    await expect(client.train({} as never)).rejects.toBeInstanceOf(CrashError);
    await expect(client.train({} as never)).rejects.toBeInstanceOf(CrashError);
    const { ms, error } = await timed(client.activation(identity(1)));
    expect(error).toBeInstanceOf(UnresponsiveError);
    expect(error?.message).toMatch(/declared unresponsive: it was already restarted 1 times \(maxRestarts 1\) and is not restarted again$/);
    expect(ms).toBeLessThan(150); // at once, without a spawn
  });

  it("a restart whose hello differs from the first one's is not used", async () => {
    const client = await start("pid-hello", { timeoutMs: 200 });
    await expect(client.activation(held())).rejects.toBeInstanceOf(RequestTimeoutError);
    const { error } = await timed(client.activation(identity(1)));
    expect(error).toBeInstanceOf(UnresponsiveError);
    expect(error?.message).toMatch(/after restart 1 its hello \{.*"name":"fake \d+".*\} differs from the first \{.*\}$/);
  });
});

describe("spawnImplementation: close", () => {
  it("kills the whole process group: no grandchild survives", async () => {
    const client = await start("grandchild");
    const grandchild = Number(/grandchild (\d+)/.exec(client.helloResult.name)![1]);
    const leader = client.pid!;
    expect(await processIsGone(grandchild)).toBe(false);
    const pending = client.activation(held()).catch((error: unknown) => error);
    const { ms } = await timed(client.close());
    expect(ms).toBeLessThan(1500);
    expect(await pending).toBeInstanceOf(ClosedError);
    await expect(client.activation(identity(1))).rejects.toThrow(new ClosedError("activation called after close()"));
    expect(await waitUntilGone(grandchild)).toBe(true);
    expect(await waitUntilGone(leader)).toBe(true);
  });

  it("kills a process that ignores shutdown and SIGTERM after the grace period", async () => {
    const client = await start("ignore-shutdown", { closeGraceMs: 200 });
    const leader = client.pid!;
    const { ms } = await timed(client.close());
    expect(ms).toBeGreaterThanOrEqual(199);
    expect(ms).toBeLessThan(200 + 1200);
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
