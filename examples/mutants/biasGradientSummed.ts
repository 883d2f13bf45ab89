/** Mutant "bias-gradient-summed": dC/db summed over the batch instead of averaged. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("bias-gradient-summed");
