/** Mutant "adam-no-bias-correction": Adam without bias correction: θ − L·m/(√v + ε), m and v not divided by 1 − β^t. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("adam-no-bias-correction");
