/** Mutant "half-convention-mixed": half_squared_error declared, dC/da = 2(a − y) of squared_error computed: the ½ convention mixed up. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("half-convention-mixed");
