/** Mutant "ce-gradient-without-mean": the softmax cross-entropy gradient not divided by n (δ = a − y summed over the batch) while the cost is averaged. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("ce-gradient-without-mean");
