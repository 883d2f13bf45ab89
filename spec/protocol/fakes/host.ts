// A stand-in for the nncheck process: starts the grandchild fake through the client, prints the pids, then
// either exits without closing (`exit`) or waits to be killed by a signal (`wait`).
import { fileURLToPath } from "node:url";
import { spawnImplementation } from "../../../src/protocol/index.ts";

const fakeScript = fileURLToPath(new URL("./fake.mjs", import.meta.url));
const client = await spawnImplementation(`node ${fakeScript} grandchild`);
const grandchild = Number(/grandchild (\d+)/.exec(client.helloResult.name)?.[1]);
process.stdout.write(JSON.stringify({ leader: client.pid, grandchild }) + "\n");
if (process.argv[2] === "exit") process.exit(0);
setInterval(() => {}, 1000);
