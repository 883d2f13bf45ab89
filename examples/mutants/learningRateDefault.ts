/** Mutant "learning-rate-default": L = learningRate || 0.05: a learning rate of 0 is replaced by a default. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("learning-rate-default");
