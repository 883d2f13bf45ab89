/** Mutant "leaky-relu-derivative-at-zero": leaky_relu′(0) = 1: the derivative tests z ≥ 0 instead of z > 0. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("leaky-relu-derivative-at-zero");
