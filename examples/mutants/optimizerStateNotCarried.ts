/** Mutant "optimizer-state-not-carried": train starts every step from the request's optimizer state instead of carrying it from step to step. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("optimizer-state-not-carried");
