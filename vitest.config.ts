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
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
