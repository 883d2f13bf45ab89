/** Mutant "float32-declared-float64": float32 arithmetic (Math.fround on every result) in an implementation that declares float64. */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("float32-declared-float64");
