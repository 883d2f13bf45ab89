// A correct implementation of protocol v1 that answers every request after a fixed delay: nncheck's reference
// behind the wire, each answer written `delayMs` (argv[2], default 5) after its request was read. For the test
// that a verdict does not depend on the machine's load: node --import tsx delayedReference.ts 5 [stallMs everyMs]
// With stallMs, the process also stops dead for stallMs (its thread blocked, no CPU used) whenever everyMs have
// passed since its last stall, as a process the scheduler of a loaded machine does not run for a while.
import { createInterface } from "node:readline";
import { decodeNonFinite, encodeWire } from "../../../src/protocol/index.ts";
import { reference } from "../../../src/reference/index.ts";
import { recordSelf } from "../../support/recordSelf.mjs";

recordSelf("delayedReference.ts");
const delayMs = Number(process.argv[2] ?? 5);
const stallMs = Number(process.argv[3] ?? 0);
const everyMs = Number(process.argv[4] ?? 0);
const blocker = new Int32Array(new SharedArrayBuffer(4));
let lastStall = performance.now();
const maybeStall = (): void => {
  if (stallMs <= 0 || performance.now() - lastStall < everyMs) return;
  Atomics.wait(blocker, 0, 0, stallMs);
  lastStall = performance.now();
};
const methods = reference as unknown as Record<string, (params: unknown) => Promise<unknown>>;

createInterface({ input: process.stdin }).on("line", (line) => {
  maybeStall();
  const { id, method, params } = JSON.parse(line) as { id: number; method: string; params: unknown };
  if (method === "shutdown") {
    process.stdout.write(`${encodeWire({ id, result: {} })}\n`);
    process.exit(0);
  }
  setTimeout(async () => {
    try {
      const result = method === "hello" ? { ...(await reference.hello()), name: `the reference, ${delayMs} ms per answer` } : await methods[method]!(decodeNonFinite(params));
      process.stdout.write(`${encodeWire({ id, result })}\n`);
    } catch (error) {
      process.stdout.write(`${encodeWire({ id, error: { code: "internal", message: String(error) } })}\n`);
    }
  }, delayMs);
});
process.stdin.on("end", () => process.exit(0));
