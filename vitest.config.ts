import { availableParallelism } from "node:os";
import { defaultExclude, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["spec/**/*.spec.ts"],
    exclude: [...defaultExclude],
    // vitest leaves a core free by default; on a 2-core CI machine that halves the suite's speed for nothing.
    maxWorkers: Math.max(2, availableParallelism()),
    // Modules stay loaded between spec files in a worker (no spec relies on a fresh module state): imports once, not 85 times.
    isolate: false,
    // The oracle makes short-lived Decimals by the million: a 64 MB young generation (Node's default is 16 MB)
    // scavenges less often; measured 6–8 % less CPU on an oracle-heavy pair of spec files.
    execArgv: ["--max-semi-space-size=64"],
    // Every process the suite starts is recorded; a survivor at the end fails the run (spec/support/processes.ts).
    globalSetup: ["spec/support/globalSetup.ts"],
    setupFiles: ["spec/support/setupFile.ts"],
    // Every `nncheck run` a spec starts runs its checks on the main thread (--jobs 1) unless the spec tests --jobs.
    env: { NNCHECK_JOBS: "1" },
    // Safety nets only, never the assertion: a test's own limits derive from the timeouts it configures (or an
    // injected clock). Generous, because a CPU-bound spec on a CI machine at load average 15 runs 5–10× slower.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
