/** Mutant "leaky-slope-0.1": leaky ReLU with slope 0.1 below 0 (value and derivative) where 0.01 is the convention. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("leaky-slope-0.1");
