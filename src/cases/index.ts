/** Seeded random test cases for networks: the generator and its helpers. */
export { randomCase, type RandomCase, type RandomCaseOptions, type Range } from "./randomCase.ts";
export { reluMargin } from "./reluMargin.ts";
