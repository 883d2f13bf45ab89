/** Mutant "rate-doubled": L = 2·learningRate: the rate doubled (as if the update were applied twice). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("rate-doubled");
