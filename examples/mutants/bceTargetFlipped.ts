/** Mutant "bce-target-flipped": binary cross-entropy with y and 1 − y swapped, in the cost and in δ = a − y alike. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("bce-target-flipped");
