/** Mutant "naive-logistic": σ′ computed naively as e^−z/(1 + e^−z)²: ∞/∞ = NaN for z < −709.78. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("naive-logistic");
