/**
 * Headless Chromium for the HTML report's browser test and its README screenshot: finds Debian's `chromium` (or
 * $CHROMIUM), runs it with the flags a root CI machine needs and a fresh profile, in its own process group, and
 * kills the whole group when it ends, fails or hangs past `timeoutMs` (a guard against a hang, not a measurement).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The Chromium executable: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH; undefined if none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"].filter((c): c is string => c !== undefined && c !== "");
  return candidates.find((c) => spawnSync(c, ["--version"], { stdio: "ignore", timeout: 30_000 }).status === 0);
}

/** What one Chromium run printed. */
export interface ChromiumRun {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `chromium --headless … args url` and resolves with its output once it exits 0; rejects otherwise. */
export async function runChromium(chromium: string, args: readonly string[], url: string, timeoutMs = 90_000): Promise<ChromiumRun> {
  const profile = mkdtempSync(join(tmpdir(), "nncheck-chromium-"));
  const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", `--user-data-dir=${profile}`];
  const child = spawn(chromium, [...flags, ...args, url], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  let stdout = "", stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    return await new Promise<ChromiumRun>((resolve, reject) => {
      const timer = setTimeout(() => {
        killGroup();
        reject(new Error(`chromium did not finish within ${timeoutMs} ms (killed); its stderr ends: ${stderr.slice(-500)}`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (code === 0) resolve({ stdout, stderr });
        else reject(new Error(`chromium exited with ${code ?? signal}; its stderr ends: ${stderr.slice(-1000)}`));
      });
    });
  } finally {
    killGroup(); // renderer and zygote processes outlive the browser process in some failures
    rmSync(profile, { recursive: true, force: true });
  }
}
