/** Mutant "reduction-ignored": network.reduction ignored: the cost and its gradients always the mean over the samples. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("reduction-ignored");
