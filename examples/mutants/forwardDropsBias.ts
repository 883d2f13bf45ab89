/** Mutant "forward-drops-bias": the first layer's bias left out of z1 = W1·x + b1. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("forward-drops-bias");
