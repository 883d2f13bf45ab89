/** `nncheck/vitest`: the conformance suite as vitest tests, for a JS/TS implementation in its own project. */
export { describeConformance, failureReport, ConformanceFailure, type ConformanceOptions } from "./describeConformance.ts";
