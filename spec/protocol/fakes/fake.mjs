// A fake implementation of protocol v1 for the client's tests: `node fake.mjs <mode> [args…]`.
// It answers `activation` (identity) and `forward`/`gradients`/`step`/`train` with zeros of the right shape;
// the mode makes it misbehave in one way. An `activation` request whose x[0] is 999 is never answered (held).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const [mode = "good", ...args] = process.argv.slice(2);
const out = (message) => process.stdout.write(JSON.stringify(message) + "\n");
const zeros = (rows, cols) => Array.from({ length: rows }, () => new Array(cols).fill(0));
let grandchild;

if (mode === "crash-at-start") {
  process.stderr.write("fake: cannot import numpy\n");
  process.exit(1);
}
if (mode === "grandchild") grandchild = spawn("sleep", ["60"], { stdio: "ignore" });
if (mode === "ignore-shutdown") {
  process.on("SIGTERM", () => {});
  setInterval(() => {}, 1000); // stay alive after stdin closes
}
if (mode === "stderr-flood") process.stderr.write("x".repeat(4 * 1024 * 1024) + "\n");

function hello() {
  const name = mode === "argv" ? JSON.stringify(args) : mode === "pid-hello" ? `fake ${process.pid}`
    : mode === "grandchild" ? `fake with grandchild ${grandchild.pid}` : `fake ${mode}`;
  return {
    protocol: mode === "bad-hello" ? 2 : 1, name, language: "javascript", dtype: "float64",
    methods: ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"],
  };
}

function answer(method, p) {
  const units = p.network?.layers ?? [];
  const paramsLike = () => units.slice(1).map((u, l) => ({ W: zeros(u, units[l]), b: new Array(u).fill(0) }));
  switch (method) {
    case "activation": return { value: p.x, derivative: p.x.map(() => 1) };
    case "forward": {
      const layers = units.slice(1).map((u) => ({ z: zeros(p.inputs.length, u), a: zeros(p.inputs.length, u) }));
      if (mode === "wrong-shape") layers[0].z[1] = [0, 0];
      return { layers };
    }
    case "gradients": return { cost: 0, grads: paramsLike() };
    case "step": return { params: paramsLike() };
    case "train": return { params: paramsLike(), costs: p.order.map(() => 0) };
    default: return undefined;
  }
}

let leaves = 0; // every number becomes "NaN", "Infinity", "-Infinity", "NaN", … in turn
const nanify = (v) => Array.isArray(v) ? v.map(nanify) : typeof v === "object" && v !== null
  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nanify(x)])) : typeof v === "number" ? ["NaN", "Infinity", "-Infinity"][leaves++ % 3] : v;

const held = [];
let count = 0;
createInterface({ input: process.stdin }).on("line", (line) => {
  const { id, method, params } = JSON.parse(line);
  if (method === "hello") return mode === "hang-hello" ? undefined : out({ id, result: hello() });
  if (method === "shutdown") {
    out({ id, result: {} });
    return mode === "ignore-shutdown" ? undefined : process.exit(0);
  }
  count++;
  if (mode === "hang" || (method === "activation" && params.x[0] === 999)) return held.push(id);
  if (mode === "crash-on-train" && method === "train") {
    process.stderr.write("Traceback (most recent call last):\nZeroDivisionError: float division by zero\n");
    process.exit(3);
  }
  if (mode === "garbage") return process.stdout.write("this is not json {\n");
  if (mode === "bare-nan") return process.stdout.write(`{"id": ${id}, "result": {"value": [NaN], "derivative": [1]}}\n`);
  if (mode === "oversized") return process.stdout.write(`{"id": ${id}, "result": "${"y".repeat(5000)}"}\n`);
  if (mode === "wrong-id") return out({ id: id + 1000, result: answer(method, params) });
  if (mode === "no-result") return out({ id, outcome: "fine" });
  if (mode === "error") return out({ id, error: { code: "invalid_params", message: `fake rejects ${method}` } });
  if (mode === "stderr-flood") process.stderr.write("y".repeat(256 * 1024) + "\n");
  const result = answer(method, params);
  if (mode === "reverse") {
    held.push({ id, result });
    if (held.length === 5) for (const h of held.splice(0).reverse()) out(h);
    return undefined;
  }
  return out({ id, result: mode === "nan" ? nanify(result) : result });
});
process.stdin.on("end", () => mode === "ignore-shutdown" ? undefined : process.exit(0));
