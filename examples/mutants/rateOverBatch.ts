/** Mutant "rate-over-batch": L = learningRate / n: the rate divided by the batch size, on gradients already reduced over the batch. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("rate-over-batch");
