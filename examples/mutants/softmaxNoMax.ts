/** Mutant "softmax-no-max": softmax without subtracting max z first: e^z overflows, NaN at large logits. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("softmax-no-max");
