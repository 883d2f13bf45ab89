/** Mutant "silu-derivative-sigma": silu′ taken as σ(z), the term z·σ(z)(1 − σ(z)) forgotten. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("silu-derivative-sigma");
