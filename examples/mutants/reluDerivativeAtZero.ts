/** Mutant "relu-derivative-at-zero": ReLU′(0) = 1: the derivative tests z ≥ 0 instead of z > 0. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("relu-derivative-at-zero");
