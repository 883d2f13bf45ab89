/** The run seed when `--seed` is not given: fixed, so that a default run is reproducible and replayable. */
export const DEFAULT_SEED = 1;

/** Cases per property or random check when `--runs` is not given (a full run on the reference stays < 10 s). */
export const DEFAULT_RUNS = 100;

/** How long one request may take, in ms, when `--timeout-ms` is not given. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** How long an implementation may take from its start to its answer to `hello`, when `--hello-timeout-ms` is not given. */
export const DEFAULT_HELLO_TIMEOUT_MS = 10_000;
