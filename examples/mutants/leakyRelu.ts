/** Mutant "leaky-relu": a leaky ReLU (0.01·z for z ≤ 0, slope 0.01) where ReLU was asked for. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("leaky-relu");
