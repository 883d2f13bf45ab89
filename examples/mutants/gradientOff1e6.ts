/** Mutant "gradient-off-1e-6": dC/dW1[0][0] off by a relative 1e-6. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("gradient-off-1e-6");
