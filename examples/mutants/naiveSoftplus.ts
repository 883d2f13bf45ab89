/** Mutant "naive-softplus": softplus as ln(1 + e^z): e^z overflows to ∞ above z = 709.78, and ln(1 + e^−40) rounds to 0. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("naive-softplus");
