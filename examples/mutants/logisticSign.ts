/** Mutant "logistic-sign": σ(z) = 1/(1 + e^z): the wrong sign in the exponent (σ′ left right). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("logistic-sign");
