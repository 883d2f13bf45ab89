// A correct implementation of protocol v1 that answers every request after a fixed delay: nncheck's reference
// behind the wire, each answer written `delayMs` (argv[2], default 5) after its request was read. For the test
// that a verdict does not depend on the machine's load: node --import tsx delayedReference.ts 5
import { createInterface } from "node:readline";
import { decodeNonFinite, encodeWire } from "../../../src/protocol/index.ts";
import { reference } from "../../../src/reference/index.ts";
import { recordSelf } from "../../support/recordSelf.mjs";

recordSelf("delayedReference.ts");
const delayMs = Number(process.argv[2] ?? 5);
const methods = reference as unknown as Record<string, (params: unknown) => Promise<unknown>>;

createInterface({ input: process.stdin }).on("line", (line) => {
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
