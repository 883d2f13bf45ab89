/** Mutant "logistic-derivative-missing": σ′ treated as 1: backpropagation skips the logistic's derivative. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("logistic-derivative-missing");
