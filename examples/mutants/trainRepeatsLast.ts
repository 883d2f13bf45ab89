/** Mutant "train-repeats-last": train runs one step too many: the last sample of the order is stepped twice. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("train-repeats-last");
