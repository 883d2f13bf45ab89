/** Mutant "cost-not-squared": C = (1/n)Σ 2(a − y): `*2` typed for `**2`, so the cost can be negative. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("cost-not-squared");
