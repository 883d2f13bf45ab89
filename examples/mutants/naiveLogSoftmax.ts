/** Mutant "naive-log-softmax": the cross-entropy as −Σ y·ln(a) of the computed softmax: +∞ where a_k underflows to 0. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("naive-log-softmax");
