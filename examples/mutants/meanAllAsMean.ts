/** Mutant "mean-all-as-mean": mean_all taken as the mean over the samples only (not over the output units too). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("mean-all-as-mean");
