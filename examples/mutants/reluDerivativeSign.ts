/** Mutant "relu-derivative-sign": ReLU′(z) = −1 for z > 0: the derivative has the wrong sign. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("relu-derivative-sign");
