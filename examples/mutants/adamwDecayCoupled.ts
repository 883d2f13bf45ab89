/** Mutant "adamw-decay-coupled": AdamW with the weight decay coupled, λθ added to the gradient as Adam does, instead of θ·(1 − L·λ). */
import { plainNetwork } from "./plainNetwork.ts";

export default plainNetwork("adamw-decay-coupled");
