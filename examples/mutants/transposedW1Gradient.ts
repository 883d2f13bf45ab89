/** Mutant "transposed-w1-gradient": dC/dW1 returned transposed (a wrong shape in a non-square network, wrong values in a square one). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("transposed-w1-gradient");
