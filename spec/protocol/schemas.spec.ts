import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import type { TrainRequest } from "../../src/implementation.ts";
import { spawnImplementation } from "../../src/protocol/index.ts";
import { spawnTracked } from "../support/processes.ts";
import { ADAPTER, seedGradientsRequest } from "./helpers.ts";

const SCHEMAS = fileURLToPath(new URL("../../docs/schemas/protocol/", import.meta.url));
const BASE = "https://nncheck.invalid/schemas/protocol/v1/";
const ajv = new Ajv2020({ allErrors: true });
for (const file of readdirSync(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(SCHEMAS + file, "utf8")) as object);

/** The validation errors of `line` against schema file `name`, as one readable string ("" when valid). */
function problems(name: string, line: string): string {
  const validate = ajv.getSchema(BASE + name);
  if (!validate) throw new Error(`no schema ${name} in ${SCHEMAS}`);
  return validate(JSON.parse(line)) ? "" : `${name}: ${ajv.errorsText(validate.errors)} in ${line.slice(0, 200)}`;
}

/** Checks a request line against request.json and its method's schema, a response line against response.json and its result's. */
function checkExchange(sent: readonly string[], received: readonly string[]): string[] {
  const methodById = new Map<number, string>();
  const found: string[] = [];
  for (const line of sent) {
    const { id, method } = JSON.parse(line) as { id: number; method: string };
    methodById.set(id, method);
    found.push(problems("request.json", line), problems(`${method}.request.json`, line));
  }
  for (const line of received) {
    const response = JSON.parse(line) as { id: number; result?: unknown; error?: unknown };
    found.push(problems("response.json", line));
    if ("result" in response) found.push(problems(`${methodById.get(response.id)}.result.json`, JSON.stringify(response.result)));
    else found.push(problems("error.json", line));
  }
  return found.filter((p) => p !== "");
}

/** Writes raw lines to a fresh adapter, closes its stdin, and collects its response lines and exit code. */
async function rawExchange(lines: readonly string[]): Promise<{ responses: string[]; code: number | null }> {
  const child = spawnTracked("python3", [ADAPTER], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stdin!.end(lines.map((l) => l + "\n").join(""));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { responses: out.split("\n").filter((l) => l !== ""), code };
}

describe("the protocol schemas (docs/schemas/protocol)", () => {
  it("accept the worked exchange in docs/protocol.md", () => {
    const doc = readFileSync(fileURLToPath(new URL("../../docs/protocol.md", import.meta.url)), "utf8");
    const lines = /```jsonl\n([\s\S]*?)```/.exec(doc)![1]!.trim().split("\n");
    expect(lines).toHaveLength(8);
    const sent = lines.filter((l) => "method" in JSON.parse(l));
    expect(checkExchange(sent, lines.filter((l) => !sent.includes(l)))).toEqual([]);
  });

  it("accept step and train with an optimizer and a state, and their results with the state after", async () => {
    const { reference } = await import("../../src/reference/index.ts");
    const base = { network: { layers: [2, 1], activations: ["identity"], cost: "squared_error" }, params: [{ W: [[0.5, -0.25]], b: [0.125] }], inputs: [[1, 2]], targets: [[0]], learningRate: 0.1 } as const;
    const adam = { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 } as const;
    const sgd = { name: "sgd", momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0.01 } as const;
    const requests = [
      { method: "step", params: { ...base, optimizer: adam, state: { step: 2, m: base.params, v: [{ W: [[0.01, 0.02]], b: [0] }] } } },
      { method: "train", params: { ...base, order: [0, 0], optimizer: sgd, state: null } },
      { method: "step", params: { ...base, optimizer: { ...sgd, momentum: 0 } } },
    ] as const;
    for (const [id, r] of requests.entries()) {
      expect(problems(`${r.method}.request.json`, JSON.stringify({ id, ...r }))).toBe("");
      const result = await (r.method === "step" ? reference.step(r.params as never) : reference.train(r.params as never));
      expect(problems(`${r.method}.result.json`, JSON.stringify(result))).toBe("");
    }
    expect(problems("step.request.json", JSON.stringify({ id: 9, method: "step", params: { ...base, optimizer: { ...adam, epsilon: 0 } } }))).not.toBe("");
    expect(problems("hello.result.json", JSON.stringify({ protocol: 1, name: "n", dtype: "float64", methods: [], activations: [], optimizers: ["rmsprop"] }))).not.toBe("");
  });

  it("accept every line the client sends and the Python adapter answers, for every method", async () => {
    const sent: string[] = [];
    const received: string[] = [];
    const trace = (direction: "send" | "receive", line: string) => (direction === "send" ? sent : received).push(line);
    const adapter = await spawnImplementation(`python3 ${ADAPTER}`, { trace });
    const request: TrainRequest = { ...seedGradientsRequest, inputs: [[0.1, -0, 0.3], [Number.NaN, 1, 2]], targets: [[1], [0]], learningRate: 0.05, order: [1, 0] };
    try {
      await Promise.all([
        adapter.forward(request), adapter.gradients(request), adapter.step(request), adapter.train(request),
        adapter.activation({ name: "tanh", x: [-Infinity, -0, 2] }),
        adapter.forward({ ...request, inputs: [[1, 2]] }).catch(() => undefined), // inputs too narrow: invalid_params
      ]);
    } finally {
      await adapter.close();
    }
    expect(sent.map((l) => JSON.parse(l).method)).toEqual(["hello", "forward", "gradients", "step", "train", "activation", "forward", "shutdown"]);
    expect(received.join("\n")).toMatch(/"NaN"/);
    expect(received.join("\n")).toMatch(/"error": \{"code": "invalid_params", "message": "inputs has shape \(1, 2\), expected \(1, 3\)"/);
    expect(checkExchange(sent, received)).toEqual([]);
  });

  it("accept the adapter's error responses to malformed requests, which it survives", async () => {
    const forward = JSON.parse(JSON.stringify({ id: 0, method: "forward", params: seedGradientsRequest })) as { id: number; params: Record<string, unknown> };
    const variant = (id: number, change: (params: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(forward)) as typeof forward;
      copy.id = id;
      change(copy.params);
      return JSON.stringify(copy);
    };
    const { responses, code } = await rawExchange([
      "this is not json",
      '{"id": 2, "method": "hello", "params": {"protocol": 2}}',
      '{"id": 3, "method": "frobnicate", "params": {}}',
      '{"id": 4, "method": "activation", "params": {"name": "gelu", "x": [1]}}',
      variant(5, (p) => ((p.params as { W: number[][] }[])[0]!.W = [[1, 2], [3, 4], [5, 6]])),
      variant(6, (p) => (p.inputs = [["abc", 1, 2]])),
      variant(7, (p) => delete p.network),
      variant(8, (p) => ((p.network as { cost: string }).cost = "cross_entropy")),
      variant(9, (p) => Object.assign(p, { learningRate: 0.1, order: [0, 5] })).replace('"forward"', '"train"'),
      variant(10, () => undefined),
      '{"id": 11, "method": "shutdown", "params": {}}',
      '{"id": 12, "method": "hello", "params": {"protocol": 1}}',
    ]);
    expect(code).toBe(0);
    const parsed = responses.map((l) => JSON.parse(l) as { id: number | null; error?: { code: string; message: string } });
    expect(parsed.map((r) => [r.id, r.error?.code ?? "result"])).toEqual([
      [null, "invalid_params"], [2, "invalid_params"], [3, "unsupported"], [4, "unsupported"], [5, "invalid_params"],
      [6, "invalid_params"], [7, "invalid_params"], [8, "result"], [9, "invalid_params"], [10, "result"], [11, "result"],
    ]);
    expect(parsed[4]!.error!.message).toBe("params[0].W has shape (3, 2), expected (3, 3)");
    expect(parsed[8]!.error!.message).toBe("order entry 5 is not a sample index");
    for (const line of responses) expect(problems("response.json", line)).toBe("");
  });

  it("allow unknown top-level keys in a response, as nncheck does (parseResponseLine ignores them)", () => {
    expect(problems("response.json", '{"id": 1, "result": {}, "elapsedMs": 3.5}')).toBe("");
    expect(problems("response.json", '{"id": 1, "error": {"code": "internal", "message": "x"}, "jsonrpc": "2.0"}')).toBe("");
  });

  it("reject what protocol v1 does not allow", () => {
    const forward = JSON.stringify({ id: 1, method: "forward", params: seedGradientsRequest });
    expect(problems("forward.request.json", forward)).toMatch(/must NOT have additional properties/); // targets
    expect(problems("request.json", '{"id": 1, "method": "activation", "params": {"name": "relu", "x": [NaN]}}'.replace("NaN", '"nan"'))).not.toBe("");
    expect(problems("response.json", '{"id": 1, "result": {}, "error": {"code": "internal", "message": "x"}}')).not.toBe("");
    expect(problems("error.json", '{"id": 1, "result": {}, "error": {"code": "internal", "message": "x"}}')).not.toBe("");
    expect(problems("error.json", '{"id": 1, "error": {"code": "crashed", "message": "x"}}')).toMatch(/must be equal to one of the allowed values/);
    expect(problems("hello.result.json", '{"protocol": 2, "name": "x", "dtype": "float64", "methods": [], "activations": []}')).toMatch(/must be equal to constant/);
    expect(problems("activation.result.json", '{"value": [1, "Infinity"], "derivative": [-0.0, "-Infinity"]}')).toBe("");
  });

  it("accept the family's messages: costs, reductions, softmax's Jacobian; and reject unknown names", () => {
    const classifier = { ...seedGradientsRequest, network: { layers: [3, 3, 1], activations: ["relu", "logistic"], cost: "binary_cross_entropy", reduction: "sum" } };
    expect(problems("gradients.request.json", JSON.stringify({ id: 1, method: "gradients", params: classifier }))).toBe("");
    expect(problems("gradients.request.json", JSON.stringify({ id: 1, method: "gradients", params: { ...classifier, network: { ...classifier.network, reduction: "median" } } }))).toMatch(/must be equal to one of the allowed values/);
    expect(problems("gradients.request.json", JSON.stringify({ id: 1, method: "gradients", params: { ...classifier, network: { ...classifier.network, cost: "hinge" } } }))).toMatch(/must be equal to one of the allowed values/);
    expect(problems("activation.request.json", '{"id": 2, "method": "activation", "params": {"name": "softmax", "x": [1000, 0]}}')).toBe("");
    expect(problems("activation.result.json", '{"value": [1, 0], "derivative": [[0, -0.0], [-0.0, 0]]}')).toBe("");
    expect(problems("hello.result.json", '{"protocol": 1, "name": "x", "dtype": "float64", "methods": [], "activations": ["softmax"], "costs": ["cross_entropy"], "reductions": ["mean", "sum"]}')).toBe("");
    expect(problems("hello.result.json", '{"protocol": 1, "name": "x", "dtype": "float64", "methods": [], "activations": [], "costs": "cross_entropy"}')).toMatch(/must be array/);
  });
});
