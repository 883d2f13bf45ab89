/**
 * The optimizers of the examples agree with PyTorch's own: the JS example, the numpy adapter, the plain mutant base
 * and examples/python/torch_sequential.py (torch.optim.SGD, Adam and AdamW themselves, when torch imports) run the
 * same seeded multi-step trajectories of every optimizer configuration, from a fresh and from a non-trivial state,
 * and their params and states agree within float64 rounding. This is independent of nncheck's oracle: torch's
 * optimizers are the reference of the convention. One process per adapter, every request in one stdin.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import adamEpsilonInsideSqrt from "../../examples/mutants/adamEpsilonInsideSqrt.ts";
import plain from "../../examples/mutants/plain.ts";
import type { Implementation } from "../../src/implementation.ts";
import type { NetworkSpec, Params } from "../../src/network/types.ts";
import { createRng, type Rng } from "../../src/random/rng.ts";
import { REPO_ROOT } from "../cli/runCli.ts";

const SEED = 9;
/** examples/js/network.js, plain JavaScript without type declarations, imported as nncheck does. */
const jsExample = ((await import(pathToFileURL(join(REPO_ROOT, "examples/js/network.js")).href)) as { default: Implementation }).default;
const CONFIGS: Readonly<Record<string, Record<string, unknown>>> = {
  "sgd-momentum": { name: "sgd", momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 },
  "sgd-dampening": { name: "sgd", momentum: 0.8, dampening: 0.3, nesterov: false, weightDecay: 0 },
  "sgd-nesterov": { name: "sgd", momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0 },
  "sgd-weight-decay": { name: "sgd", momentum: 0.9, dampening: 0.1, nesterov: false, weightDecay: 0.05 },
  "sgd-decay-only": { name: "sgd", momentum: 0, dampening: 0, nesterov: false, weightDecay: 0.05 },
  adam: { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  "adam-weight-decay": { name: "adam", beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.05 },
  adamw: { name: "adamw", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1 },
};
const NETWORKS: readonly NetworkSpec[] = [
  { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "squared_error" },
  { layers: [4, 5, 3], activations: ["relu", "softmax"], cost: "cross_entropy" },
];

const paramsLike = (network: NetworkSpec, entry: () => number): Params =>
  network.layers.slice(1).map((units, l) => ({ W: Array.from({ length: units }, () => Array.from({ length: network.layers[l]! }, entry)), b: Array.from({ length: units }, entry) }));

/** A non-trivial state before the first step: a random buffer, or t = 3 with random m and v ≥ 0. */
function stateFor(optimizer: Record<string, unknown>, network: NetworkSpec, rng: Rng): unknown {
  if (optimizer.name === "sgd") return { momentumBuffer: paramsLike(network, () => rng.uniform(-0.5, 0.5)) };
  return { step: 3, m: paramsLike(network, () => rng.uniform(-0.1, 0.1)), v: paramsLike(network, () => rng.uniform(0, 0.02)) };
}

interface Case { readonly label: string; readonly method: "step" | "train"; readonly params: Record<string, unknown> }

/** Every config on both networks: train (6 steps) fresh and from a non-trivial state, and a step on a batch of 3. */
function cases(): Case[] {
  const rng = createRng(SEED);
  return Object.entries(CONFIGS).flatMap(([cfg, optimizer]) => NETWORKS.flatMap((network) => {
    const K = network.layers.at(-1)!;
    const inputs = Array.from({ length: 3 }, () => Array.from({ length: network.layers[0]! }, () => rng.uniform(-2, 2)));
    const targets = inputs.map(() => (K === 1 ? [rng.next()] : Array.from({ length: K }, (_, k) => (k === rng.int(K) ? 1 : 0))));
    const base = { network, params: paramsLike(network, () => rng.uniform(-1, 1)), inputs, targets, learningRate: 0.05, optimizer };
    const shape = network.layers.join("-");
    return [
      { label: `${cfg}/${shape}/train fresh`, method: "train", params: { ...base, order: [0, 1, 2, 1, 0, 2] } },
      { label: `${cfg}/${shape}/train from a state`, method: "train", params: { ...base, order: [2, 0, 1, 1, 2, 0], state: stateFor(optimizer, network, rng) } },
      { label: `${cfg}/${shape}/step from a state`, method: "step", params: { ...base, state: stateFor(optimizer, network, rng) } },
    ] satisfies Case[];
  }));
}
const CASES = cases();

/** The answers of a stdio adapter to every case, in order (one process, stdin closed after the last request). */
function askAdapter(python: string, script: string): { answers?: unknown[]; stderr: string } {
  const input = CASES.map((c, id) => `${JSON.stringify({ id, method: c.method, params: c.params })}\n`).join("");
  const run = spawnSync(python, [join(REPO_ROOT, script)], { input, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL" });
  if (run.error) throw run.error;
  const lines = run.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as { result?: unknown; error?: unknown });
  return { answers: lines.length === CASES.length ? lines.map((l) => l.result ?? l) : undefined, stderr: run.stderr };
}
const ask = (implementation: Implementation) => Promise.all(CASES.map((c) => (implementation[c.method] as (r: unknown) => Promise<unknown>)(structuredClone(c.params))));

/** Where `a` and `b` differ: structure (keys, nulls, lengths) exactly, numbers within float64 rounding of a few steps. */
function differences(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (typeof a === "number" && typeof b === "number") {
    if (!(Math.abs(a - b) <= 1e-12 * (1 + Math.abs(b)))) out.push(`${path}: ${a} vs ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => differences(x, b[i], `${path}[${i}]`, out));
  } else if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a).sort();
    if (keys.join() !== Object.keys(b).sort().join()) out.push(`${path}: keys ${keys.join()} vs ${Object.keys(b).sort().join()}`);
    else for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`);
  return out;
}
const disagreements = (answers: readonly unknown[], reference: readonly unknown[]) =>
  CASES.flatMap((c, i) => differences(answers[i], reference[i], `${c.label} (seed ${SEED})`)).slice(0, 5);

describe("examples/python/nncheck_adapter.py with optimizers: the request's optimizer and state checked at the boundary", () => {
  it("answers unsupported for an optimizer the adapter does not declare, invalid_params for a malformed one or state", () => {
    const [network] = NETWORKS, { params, inputs, targets } = CASES[0]!.params as { params: Params; inputs: number[][]; targets: number[][] };
    const base = { network, params, inputs, targets, learningRate: 0.1 };
    const adam = CONFIGS.adam!, fresh = { step: 0, m: paramsLike(network!, () => 0), v: paramsLike(network!, () => 0) };
    const requests = [
      { method: "hello", params: { protocol: 1 } },
      { method: "step", params: { ...base, optimizer: { ...adam, name: "rmsprop" } } },
      { method: "step", params: { ...base, optimizer: { ...adam, beta1: "0.9" } } },
      { method: "step", params: { ...base, optimizer: adam, state: { ...fresh, step: -1 } } },
      { method: "step", params: { ...base, optimizer: adam, state: { ...fresh, v: paramsLike(network!, () => -1) } } },
      { method: "step", params: { ...base, optimizer: adam, state: { ...fresh, m: [fresh.m[0]] } } },
      { method: "step", params: { ...base, optimizer: CONFIGS["sgd-momentum"], state: { momentumBuffer: [{ W: [[1]], b: [0] }, fresh.m[1]] } } },
      { method: "step", params: { ...base, optimizer: { name: "adamw" } } }, // PyTorch's defaults for the missing fields
    ];
    const run = spawnSync("python3", [join(REPO_ROOT, "spec/python/rows_adapter.py")], { input: `${JSON.stringify({ id: 0, method: "step", params: { ...base, optimizer: adam } })}\n`, encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL" });
    expect(JSON.parse(run.stdout)).toEqual({ id: 0, error: { code: "unsupported", message: "optimizer 'adam' is not offered" } }); // no optimizers declared
    const numpy = spawnSync("python3", [join(REPO_ROOT, "examples/python/adapter.py")], { input: requests.map((r, id) => `${JSON.stringify({ id, ...r })}\n`).join(""), encoding: "utf8", timeout: 60_000, killSignal: "SIGKILL" });
    const answers = numpy.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as { result?: Record<string, unknown>; error?: { code: string; message: string } });
    expect(answers[0]!.result!.optimizers).toEqual(["sgd", "adam", "adamw"]);
    expect(answers.slice(1, 7).map((a) => a.error?.code)).toEqual(Array(6).fill("invalid_params"));
    expect(answers[4]!.error!.message).toBe("state.v must have no negative entry");
    expect(answers[6]!.error!.message).toBe("state.momentumBuffer[0].W has shape (1, 1), expected (3, 3)");
    expect(answers[7]!.result!.state).toMatchObject({ step: 1 });
  });
});

describe("the examples' optimizers agree on every configuration's trajectories (seed 9)", () => {
  it("the JS example, the numpy adapter and the plain mutant base agree with each other", async () => {
    const js = await ask(jsExample);
    const numpy = askAdapter("python3", "examples/python/adapter.py");
    expect(numpy.answers, numpy.stderr).toBeDefined();
    expect(disagreements(numpy.answers!, js)).toEqual([]);
    expect(disagreements(await ask(plain), js)).toEqual([]);
    expect(js.every((answer) => typeof answer === "object" && answer !== null && "state" in answer)).toBe(true);
  });

  it("and agree with torch.optim's SGD, Adam and AdamW (examples/python/torch_sequential.py)", async (context) => {
    const torch = ["/usr/bin/python3", "python3"].map((python) => askAdapter(python, "examples/python/torch_sequential.py")).find((run) => !/No module named 'torch'/.test(run.stderr));
    if (torch === undefined) return context.skip("SKIPPED: neither /usr/bin/python3 nor python3 imports torch (apt-get install python3-torch)");
    expect(torch.answers, torch.stderr).toBeDefined();
    expect(disagreements(await ask(jsExample), torch.answers!)).toEqual([]);
    // the comparison can fail: a mutant (ε inside the square root) is told apart from torch
    expect(disagreements(await ask(adamEpsilonInsideSqrt), torch.answers!).length).toBeGreaterThan(0);
  });
});
