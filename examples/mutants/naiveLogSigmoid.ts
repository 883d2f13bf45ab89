/** Mutant "naive-log-sigmoid": binary cross-entropy as −[y ln a + (1 − y) ln(1 − a)] of the computed σ: non-finite at saturation. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("naive-log-sigmoid");
