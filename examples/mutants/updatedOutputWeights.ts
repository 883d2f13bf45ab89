/** Mutant "updated-output-weights": δ backpropagated through weights already updated in the same step (W_l − L·dC/dW_l), synaptic 1.1.4's bug. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("updated-output-weights");
