/**
 * Runs before every spec file: at its end, every process the file spawned (spawnTracked) must be gone, and so must
 * every implementation process group nncheck started in-process; survivors are killed and fail the file.
 */
import { afterAll, expect } from "vitest";
import { trackedGroupCount } from "../../src/protocol/processGroups.ts";
import { killTracked } from "./processes.ts";

afterAll(async () => {
  const leftRunning = await killTracked();
  expect(leftRunning, "processes spawned by this spec file and still running at its end (now killed)").toBe(0);
  expect(trackedGroupCount(), "implementation process groups nncheck started in this spec file and never closed").toBe(0);
});
