/** Mutant "train-skips-last": train stops one step early: the last sample of the order is skipped. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("train-skips-last");
