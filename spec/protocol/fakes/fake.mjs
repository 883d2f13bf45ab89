// A fake implementation of protocol v1 for the client's tests: `node fake.mjs <mode> [args…]`.
// It answers `activation` (identity) and `forward`/`gradients`/`step`/`train` with zeros of the right shape;
// the mode makes it misbehave in one way. An `activation` request whose x[0] is 999 is never answered (held);
// one whose x[0] is 998 first answers the oldest held request, then itself.
import { spawn } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { recordSelf } from "../../support/recordSelf.mjs";

const [mode = "good", ...args] = process.argv.slice(2);
recordSelf(`fake.mjs ${mode}`);
// Every start is logged (one pid a line) when the environment names a file: tests count processes with it.
if (process.env.NNCHECK_FAKE_PID_LOG) appendFileSync(process.env.NNCHECK_FAKE_PID_LOG, `${process.pid}\n`);
let buffered = []; // "no-flush": everything stays here, as in a block-buffered stdout that is never flushed
const write = (text) => (mode === "no-flush" ? void buffered.push(text) : process.stdout.write(text));
const out = (message) => write(JSON.stringify(message) + "\n");
const zeros = (rows, cols) => Array.from({ length: rows }, () => new Array(cols).fill(0));
const nested = (depth) => "[".repeat(depth) + "]".repeat(depth);
let grandchild;

if (mode === "crash-at-start") {
  process.stderr.write("fake: cannot import numpy\n");
  process.exit(1);
}
if (mode === "grandchild" || mode === "grandchild-stdout") {
  // "grandchild-stdout": the grandchild inherits stdout and keeps it open after this process exits.
  grandchild = spawn("sleep", ["60"], { stdio: mode === "grandchild" ? "ignore" : ["ignore", "inherit", "ignore"] });
  recordSelf(`sleep 60, grandchild of fake.mjs ${mode}`, grandchild.pid);
}
if (mode === "ignore-shutdown" || mode === "ignore-sigterm") {
  process.on("SIGTERM", () => {});
  setInterval(() => {}, 1000); // stay alive after stdin closes
}
if (mode === "stderr-flood") process.stderr.write("x".repeat(4 * 1024 * 1024) + "\n");
if (mode === "banner") process.stdout.write("Loading model weights from ./model.npz …\n");

function hello() {
  const name = mode === "argv" ? JSON.stringify(args) : mode === "pid-hello" ? `fake ${process.pid}`
    : mode === "grandchild" ? `fake with grandchild ${grandchild.pid}` : `fake ${mode}`;
  return {
    protocol: mode === "bad-hello" ? 2 : 1, name, language: "javascript", dtype: "float64",
    methods: mode === "activation-only" ? ["activation"] : ["forward", "gradients", "step", "train", "activation"], activations: ["relu", "logistic", "tanh", "identity"],
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
    case "gradients":
      if (mode === "huge-wrong-shape") return { cost: 0, grads: paramsLike().map(() => ({ W: zeros(300, 300), b: new Array(300).fill(0) })) };
      return { cost: 0, grads: paramsLike() };
    case "step": return { params: paramsLike() };
    case "train": return { params: paramsLike(), costs: p.order.map(() => 0) };
    default: return undefined;
  }
}

let leaves = 0; // every number becomes "NaN", "Infinity", "-Infinity", "NaN", … in turn
const nanify = (v) => Array.isArray(v) ? v.map(nanify) : typeof v === "object" && v !== null
  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nanify(x)])) : typeof v === "number" ? ["NaN", "Infinity", "-Infinity"][leaves++ % 3] : v;

const held = [];
const serial = []; // "serial": answered one at a time, in order, each after args[0] ms
const answerSerially = () => {
  if (serial.length === 0) return;
  setTimeout(() => {
    out(serial.shift());
    answerSerially();
  }, Number(args[0] ?? 5));
};
let count = 0;
createInterface({ input: process.stdin }).on("line", (line) => {
  const { id, method, params } = JSON.parse(line);
  if (method === "hello") {
    if (mode === "hang-hello") return undefined;
    if (mode === "deep-hello") return write(`{"id": ${id}, "result": ${nested(100_000)}}\n`);
    return out({ id, result: hello() });
  }
  if (method === "shutdown") {
    out({ id, result: {} });
    return mode === "ignore-shutdown" || mode === "ignore-sigterm" ? undefined : process.exit(0);
  }
  count++;
  // A readiness signal for tests: the first request after hello has arrived (so nncheck's run is under way).
  if (count === 1 && process.env.NNCHECK_FAKE_READY) writeFileSync(process.env.NNCHECK_FAKE_READY, String(process.pid));
  if (method === "activation" && params.x[0] === 998) {
    const oldest = held.shift();
    if (oldest !== undefined) out({ id: oldest, result: { value: [999], derivative: [1] } });
    return out({ id, result: answer(method, params) });
  }
  if (mode === "hang" || (method === "activation" && params.x[0] === 999)) return held.push(id);
  if (mode === "crash-on-train" && method === "train") {
    process.stderr.write("Traceback (most recent call last):\nZeroDivisionError: float division by zero\n");
    process.exit(3);
  }
  if (mode === "grandchild-stdout" && method !== "activation") process.exit(1);
  if (mode === "garbage") return write("this is not json {\n");
  if (mode === "bare-nan") return write(`{"id": ${id}, "result": {"value": [NaN], "derivative": [1]}}\n`);
  if (mode === "oversized") return write(`{"id": ${id}, "result": "${"y".repeat(5000)}"}\n`);
  if (mode === "wrong-id") return out({ id: id + 1000, result: answer(method, params) });
  if (mode === "no-result") return out({ id, outcome: "fine" });
  if (mode === "both") return out({ id, result: answer(method, params), error: { code: "internal", message: "both" } });
  if (mode === "extra-keys") return out({ id, result: answer(method, params), elapsedMs: 0.4, jsonrpc: "2.0" });
  if (mode === "error") return out({ id, error: { code: "invalid_params", message: `fake rejects ${method}` } });
  if (mode === "deep") return write(`{"id": ${id}, "result": ${nested(100_000)}}\n`);
  if (mode === "bom") return write(`\uFEFF${JSON.stringify({ id, result: answer(method, params) })}\n`);
  if (mode === "invalid-utf8") {
    process.stdout.write(Buffer.concat([Buffer.from(`{"id": ${id}, "result": {"value": [`), Buffer.from([0xff, 0xfe]), Buffer.from(`], "derivative": [1]}}\n`)]));
    return undefined;
  }
  if (mode === "no-newline-exit") {
    write(JSON.stringify({ id, result: answer(method, params) })); // the last line, without its "\n"
    return process.exit(0);
  }
  if (mode === "duplicate") {
    out({ id, result: answer(method, params) });
    return out({ id, result: answer(method, params) });
  }
  if (mode === "stderr-flood") process.stderr.write("y".repeat(256 * 1024) + "\n");
  const result = answer(method, params);
  if (mode === "serial") {
    serial.push({ id, result });
    if (serial.length === 1) answerSerially();
    return undefined;
  }
  if (mode === "mark") { // the answer is in the pipe when the marker file args[0] exists (pipe writes are synchronous on Linux)
    out({ id, result });
    return writeFileSync(args[0], String(id));
  }
  if (mode === "shuffle") return void setTimeout(() => out({ id, result }), (id * 37) % 11); // answered out of order
  if (mode === "reverse") {
    held.push({ id, result });
    if (held.length === 5) for (const h of held.splice(0).reverse()) out(h);
    return undefined;
  }
  return out({ id, result: mode === "nan" ? nanify(result) : result });
});
process.stdin.on("end", () => mode === "ignore-shutdown" || mode === "ignore-sigterm" ? undefined : process.exit(0));
