/**
 * examples/python/nncheck_adapter.py, the protocol helper: driven line by line (every edge of the protocol it
 * promises to handle) and under a full nncheck run, through spec/python/rows_adapter.py (samples as rows, step and
 * train derived by the helper) and the PyTorch example examples/python/torch_sequential.py when torch imports.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allChecks } from "../../src/checks/index.ts";
import { REPO_ROOT } from "../cli/runCli.ts";
import { runMain } from "../cli/runInProcess.ts";
import { seedGradientsRequest } from "../protocol/helpers.ts";

const ROWS_ADAPTER = join(REPO_ROOT, "spec/python/rows_adapter.py");
const TORCH_EXAMPLE = join(REPO_ROOT, "examples/python/torch_sequential.py");

interface Exchange {
  readonly responses: Record<string, unknown>[];
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Sends `lines` to `python3 rows_adapter.py ...args` (stdin closed after them) and reads every response line. */
function exchange(lines: readonly string[], args: readonly string[] = []): Exchange {
  const run = spawnSync("python3", [ROWS_ADAPTER, ...args], { input: lines.map((l) => `${l}\n`).join(""), encoding: "utf8", timeout: 30_000, killSignal: "SIGKILL" });
  if (run.error) throw run.error;
  const responses = run.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
  return { responses, stdout: run.stdout, stderr: run.stderr, status: run.status };
}
const request = (id: number, method: string, params: unknown = {}) => JSON.stringify({ id, method, params });
const hello = request(0, "hello", { protocol: 1 });

interface Report {
  readonly checks: readonly { readonly id: string; readonly status: string; readonly message: string }[];
}
const everyId = allChecks().map((c) => c.id);

describe("examples/python/nncheck_adapter.py (the protocol, so that an adapter is only the math)", () => {
  it("says hello from serve()'s arguments, offering step and train derived from gradients", () => {
    const { responses, status } = exchange([hello]);
    expect(responses).toEqual([{ id: 0, result: {
      protocol: 1, name: "rows test adapter", language: "python", dtype: "float64",
      methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"],
      costs: ["squared_error"], reductions: ["mean"],
    } }]);
    expect(status).toBe(0); // stdin closed: the adapter exits
  });

  it("answers shutdown with {} and exits, reading nothing after it", () => {
    const { responses, status } = exchange([hello, request(1, "shutdown"), request(2, "hello", { protocol: 1 })]);
    expect(responses.map((r) => r.id)).toEqual([0, 1]);
    expect(responses[1]).toEqual({ id: 1, result: {} });
    expect(status).toBe(0);
  });

  it("answers errors with their codes and goes on: unparseable line, unknown method, wrong protocol, bad shape, unsupported cost and activation", () => {
    const network = { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" };
    const { responses } = exchange([
      "this is not JSON",
      request(1, "sing"),
      request(2, "hello", { protocol: 2 }),
      request(3, "forward", { ...seedGradientsRequest, params: [{ W: [[1, 2]], b: [0] }, seedGradientsRequest.params[1]] }),
      request(4, "gradients", { ...seedGradientsRequest, network: { ...network, cost: "cross_entropy" } }),
      request(5, "forward", { ...seedGradientsRequest, network: { ...network, activations: ["gelu", "logistic"] } }),
      request(6, "activation", { name: "gelu", x: [1] }),
      request(7, "gradients", { ...seedGradientsRequest, targets: undefined }),
      request(8, "forward", seedGradientsRequest),
      request(9, "gradients", { ...seedGradientsRequest, network: { ...network, reduction: "sum" } }),
    ]);
    const errors = responses.map((r) => [r.id, (r.error as { code?: string } | undefined)?.code]);
    expect(errors).toEqual([[null, "invalid_params"], [1, "unsupported"], [2, "invalid_params"], [3, "invalid_params"], [4, "unsupported"], [5, "unsupported"], [6, "unsupported"], [7, "invalid_params"], [8, undefined], [9, "unsupported"]]);
    expect((responses[9]!.error as { message: string }).message).toBe("reduction 'sum' is not offered (only mean)");
    expect((responses[3]!.error as { message: string }).message).toBe("params[0].W has shape (1, 2), expected (3, 3)");
    expect((responses[4]!.error as { message: string }).message).toMatch(/cost 'cross_entropy' is not offered/);
    expect(responses[8]).toHaveProperty("result.layers");
  });

  it("turns an exception in the math into an internal error, and keeps serving", () => {
    const { responses, status } = exchange([request(1, "gradients", seedGradientsRequest), request(2, "forward", seedGradientsRequest)], ["boom"]);
    expect(responses[0]).toEqual({ id: 1, error: { code: "internal", message: "RuntimeError: boom in gradients" } });
    expect(responses[1]).toHaveProperty("result.layers");
    expect(status).toBe(0);
  });

  it("sends a stray print to stderr, never into the protocol", () => {
    const { stdout, stderr } = exchange([request(1, "forward", seedGradientsRequest)]);
    expect(stdout).not.toContain("stray");
    expect(stderr).toContain("a stray print in forward");
  });

  it("reads and writes NaN, ±Infinity and −0 as the protocol says", () => {
    const { stdout } = exchange(['{"id": 1, "method": "activation", "params": {"name": "identity", "x": [-0.0, "NaN", "Infinity", "-Infinity", 0.1]}}']);
    expect(stdout).toBe('{"id": 1, "result": {"value": [-0.0, "NaN", "Infinity", "-Infinity", 0.1], "derivative": [1.0, 1.0, 1.0, 1.0, 1.0]}}\n');
  });

  it("computes in float32 when asked: hello says so and results are float32 numbers", () => {
    const { responses } = exchange([hello, request(1, "activation", { name: "logistic", x: [1, 0.1] })], ["float32"]);
    expect(responses[0]).toHaveProperty("result.dtype", "float32");
    const { value } = responses[1]!.result as { value: number[] };
    expect(value.map((v) => Math.fround(v))).toEqual(value);
    expect(value[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
  });

  it.each([["float64", []], ["float32", ["float32"]]])("a %s adapter of only forward and gradients passes every check it offers (a full nncheck run)", async (_, args) => {
    // A generous request timeout: on a loaded machine pipelined requests wait their turn in the one Python process.
    const run = await runMain(["run", "--impl", `python3 ${ROWS_ADAPTER} ${args.join(" ")}`, "--runs", "20", "--timeout-ms", "120000", "--reporter", "json"]);
    const report = JSON.parse(run.out) as Report;
    expect(report.checks.map((c) => c.id)).toEqual(everyId);
    // skipped, with the reason: what its hello does not declare (the family beyond the seed's), and its own Unsupported
    const other = report.checks.filter((c) => c.status !== "passed" && !(c.status === "skipped" && /batches of more than 7 samples|^needs (activation|cost|reduction|optimizer) "/.test(c.message)));
    expect(other.map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
    expect(report.checks.filter((c) => c.status === "skipped").length).toBeGreaterThan(0); // Unsupported from the math: skipped, not failed
    expect(run.code).toBe(0);
  });
});

/** A python3 that imports torch: the first on PATH, or Debian's (where `apt-get install python3-torch` puts it). */
function pythonWithTorch(): string | undefined {
  return ["python3", "/usr/bin/python3"].find((python) => spawnSync(python, ["-c", "import torch, numpy"], { timeout: 60_000 }).status === 0);
}

describe("examples/python/torch_sequential.py (a PyTorch nn.Sequential)", () => {
  it("passes every check (a full nncheck run)", async (context) => {
    const python = pythonWithTorch();
    if (python === undefined) return context.skip("SKIPPED: no python3 here imports torch and numpy (.ci/run installs Debian's python3-torch)");
    const run = await runMain(["run", "--impl", `${python} ${TORCH_EXAMPLE}`, "--runs", "20", "--timeout-ms", "120000", "--reporter", "json"]);
    const report = JSON.parse(run.out) as Report;
    expect(report.checks.filter((c) => c.status !== "passed").map((c) => `${c.id}: ${c.status}: ${c.message}`)).toEqual([]);
    expect(report.checks.map((c) => c.id)).toEqual(everyId);
    expect(run.code).toBe(0);
  });
});
