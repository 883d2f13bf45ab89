import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { killTracked, spawnTracked } from "../support/processes.ts";
import { processIsGone, waitUntilGone } from "./helpers.ts";

const HOST = fileURLToPath(new URL("./fakes/host.ts", import.meta.url));

/** Runs the host process and resolves with the pids of the implementation it started and of that one's child. */
async function startHost(how: "exit" | "wait") {
  const host = spawnTracked(process.execPath, ["--import", "tsx", HOST, how], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(host.stdout!, "data")) as [Buffer];
  const pids = JSON.parse(chunk.toString()) as { leader: number; grandchild: number };
  return { host, ...pids };
}

afterEach(() => killTracked()); // a host left running by a failed test, with its group

describe("process groups are killed when nncheck goes away without close()", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("on %s: no implementation process survives, and nncheck still dies of the signal", async (signal) => {
    const { host, leader, grandchild } = await startHost("wait");
    expect(await processIsGone(grandchild)).toBe(false);
    const exited = once(host, "exit");
    host.kill(signal);
    expect(await exited).toEqual([null, signal]);
    expect(await waitUntilGone(leader)).toBe(true);
    expect(await waitUntilGone(grandchild)).toBe(true);
  });

  it("on process.exit: no implementation process survives", async () => {
    const { host, leader, grandchild } = await startHost("exit");
    expect(await once(host, "exit")).toEqual([0, null]);
    expect(await waitUntilGone(leader)).toBe(true);
    expect(await waitUntilGone(grandchild)).toBe(true);
  });
});
