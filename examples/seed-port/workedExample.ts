import type { GradientsRequest } from "../../src/implementation.ts";
import { seedNetwork } from "../../src/network/types.ts";

/**
 * The chapter's worked example (Figures 7-4 to 7-10) as a request: the printed W_hidden, B_hidden, W_output,
 * B_output, and the input X its Z1 computation uses (which repeats W_output's digits), with target `y`.
 */
export function workedExample(y: 0 | 1): GradientsRequest {
  return {
    network: seedNetwork,
    params: [
      { W: [[0.034535, 0.5185636, 0.81485028], [0.3329199, 0.53873853, 0.96359003], [0.19808306, 0.45422182, 0.36618893]], b: [0.41379442, 0.81666079, 0.07511252] },
      { W: [[0.82652072, 0.30781539, 0.93095565]], b: [0.58018555] },
    ],
    inputs: [[0.82652072, 0.30781539, 0.93095565]],
    targets: [[y]],
  };
}
