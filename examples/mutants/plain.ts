/** The plain implementation without a mutation: correct, and passing every property. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork();
