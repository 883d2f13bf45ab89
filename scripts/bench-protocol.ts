/**
 * Protocol throughput: request/response pairs per second through `spawnImplementation`, pipelined, against
 * examples/python/trivial_adapter.py (identity `activation` on 3-vectors: the protocol's own cost) and against
 * examples/python/adapter.py (`gradients` of the seed network). Run: `npx tsx scripts/bench-protocol.ts [n]`.
 */
import { fileURLToPath } from "node:url";
import type { GradientsRequest } from "../src/implementation.ts";
import { seedNetwork } from "../src/network/types.ts";
import { spawnImplementation, type ProtocolImplementation } from "../src/protocol/index.ts";

const GOAL = 10_000; // pairs per second
const n = Number(process.argv[2] ?? 100_000);
const python = (file: string) => `python3 ${fileURLToPath(new URL(`../examples/python/${file}`, import.meta.url))}`;

/** Sends `count` requests made by `call`, at most `window` in flight at once; resolves with pairs per second. */
async function pump(count: number, window: number, call: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await call(next++);
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
  return count / ((performance.now() - start) / 1000);
}

async function measure(label: string, client: ProtocolImplementation, call: (i: number) => Promise<unknown>, count: number, windows: number[]) {
  await pump(Math.min(5000, count / 10), 64, call); // warm-up: JIT, pipes, Python's caches
  for (const window of windows) {
    const perSecond = await pump(window === 1 ? Math.min(count, 10_000) : count, window, call);
    const ratio = (perSecond / GOAL).toFixed(2);
    console.log(`${label.padEnd(44)} window ${String(window).padStart(3)}: ${Math.round(perSecond).toLocaleString("en-US").padStart(7)} pairs/s  (${ratio} × the ${GOAL.toLocaleString("en-US")}/s goal; ${(1e6 / perSecond).toFixed(1)} µs/pair)`);
  }
  await client.close();
}

const seedRequest: GradientsRequest = {
  network: seedNetwork,
  params: [
    { W: [[0.034535, 0.5185636, 0.81485028], [0.3329199, 0.53873853, 0.96359003], [0.19808306, 0.45422182, 0.36618893]], b: [0.41379442, 0.81666079, 0.07511252] },
    { W: [[0.82652072, 0.30781539, 0.93095565]], b: [0.58018555] },
  ],
  inputs: [[0.82652072, 0.30781539, 0.93095565]],
  targets: [[1]],
};

console.log(`node ${process.version}, ${n.toLocaleString("en-US")} requests per pipelined measurement, after warm-up`);
const trivial = await spawnImplementation(python("trivial_adapter.py"));
await measure("trivial_adapter.py, activation (identity, 3)", trivial, (i) => trivial.activation({ name: "identity", x: [i, 0.5, -0] }), n, [1, 64, 128, 256]);
const adapter = await spawnImplementation(python("adapter.py"));
await measure("adapter.py, gradients of the seed network", adapter, () => adapter.gradients(seedRequest), Math.min(n, 20_000), [1, 64, 128]);
