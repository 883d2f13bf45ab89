/** Mutant "cost-derivative-without-2": dC/da = a − y: the cost's derivative without its 2. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("cost-derivative-without-2");
