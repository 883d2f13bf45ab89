/** Mutant "adam-step-from-zero": Adam's bias correction uses the step count before incrementing it: 1 − β^(t−1), 0 at the first step. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("adam-step-from-zero");
