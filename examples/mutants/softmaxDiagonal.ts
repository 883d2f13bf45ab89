/** Mutant "softmax-diagonal": the softmax backward pass with its Jacobian's diagonal a ⊙ (1 − a) only, as if softmax acted unit by unit. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("softmax-diagonal");
