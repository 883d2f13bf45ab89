/** Mutant "step-ascends": θ + L·∇C: the step climbs the cost. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("step-ascends");
