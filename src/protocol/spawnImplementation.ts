import { checkTimeout } from "./checkTimeout.ts";
import { StartupError } from "./errors.ts";
import { ProtocolClient } from "./ProtocolClient.ts";
import type { ProtocolImplementation, SpawnOptions } from "./ProtocolImplementation.ts";
import { splitCommandLine } from "./splitCommandLine.ts";

export type { ProtocolImplementation, SpawnOptions } from "./ProtocolImplementation.ts";

/**
 * Starts the implementation `commandLine` (split like a shell would, but run without one), completes the
 * `hello` handshake and returns it as an `Implementation`; rejects with `StartupError` if it cannot.
 */
export async function spawnImplementation(commandLine: string, options: SpawnOptions = {}): Promise<ProtocolImplementation> {
  const { timeoutMs, ...counts } = options;
  if (typeof timeoutMs === "number") checkTimeout("options.timeoutMs", timeoutMs);
  for (const key of ["startupTimeoutMs", "closeGraceMs"] as const) checkTimeout(`options.${key}`, counts[key]);
  for (const key of ["maxRestarts", "maxConsecutiveFailures", "maxLineChars", "stderrLimitChars"] as const) {
    const value = counts[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= (key === "maxRestarts" ? 0 : 1))) {
      throw new RangeError(`spawnImplementation: options.${key} must be an integer ≥ ${key === "maxRestarts" ? 0 : 1}, got ${value}`);
    }
  }
  let argv: string[];
  try {
    argv = splitCommandLine(commandLine);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const client = new ProtocolClient(argv, options);
  await client.start();
  return client;
}
