/** Mutant "momentum-before-gradient": SGD with momentum steps by the buffer before the new gradient is folded into it: θ − L·B_(t−1). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("momentum-before-gradient");
