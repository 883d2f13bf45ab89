/** Mutant "relu-mask-first-sample": the ReLU mask of the first sample applied to every sample of the batch (a broadcasting bug). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("relu-mask-first-sample");
