/** Mutant "adam-epsilon-inside-sqrt": Adam with ε inside the square root: θ − L·m̂/√(v̂ + ε). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("adam-epsilon-inside-sqrt");
