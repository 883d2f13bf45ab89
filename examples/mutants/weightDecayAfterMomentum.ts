/** Mutant "weight-decay-after-momentum": SGD's weight decay λθ added to the update after the momentum buffer, not to the gradient before it. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("weight-decay-after-momentum");
