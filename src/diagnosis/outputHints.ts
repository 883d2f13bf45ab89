/**
 * Hypotheses about the output layer's δ_L = dC/dz_L of the classifier family, each tested by recomputing the whole
 * backward pass from the hypothesised δ_L (backwardFrom) and asking whether the answer matches it: softmax's
 * Jacobian taken as its diagonal a ⊙ (1 − a), and binary cross-entropy with the targets y and 1 − y exchanged.
 */
import { reductionWeight } from "../family/costs.ts";
import type { ExactGradients } from "../gradcheck/index.ts";
import type { Hint } from "../harness/check.ts";
import type { GradientsRequest } from "../implementation.ts";
import type { Matrix } from "../network/types.ts";
import { backwardFrom } from "./backwardWith.ts";
import { explains } from "./derivativeHints.ts";
import type { ParamGroup } from "./paramGroups.ts";

interface OutputHypothesis {
  readonly kind: string;
  readonly deltaL: Matrix;
  readonly message: string;
}

function hypotheses(request: GradientsRequest, exact: ExactGradients): OutputHypothesis[] {
  const { network, targets } = request;
  const L = network.activations.length, out = exact.layers[L - 1]!;
  const w = reductionWeight(network.reduction, request.inputs.length, network.layers.at(-1)!);
  const list: OutputHypothesis[] = [];
  if (network.activations[L - 1] === "softmax") {
    // h = a ⊙ dC/da: −w·y for cross-entropy exactly (no division by an a that may round to 0), else from dC/dA
    const h = network.cost === "cross_entropy" ? targets.map((y) => y.map((yk) => -w * yk)) : out.a.map((a, s) => a.map((ai, i) => ai * out.dC_dA[s]![i]!));
    list.push({
      kind: "softmax-diagonal",
      deltaL: h.map((hs, s) => hs.map((hi, i) => hi * (1 - out.a[s]![i]!))),
      message: `the gradients match a backward pass through softmax's Jacobian diagonal only, δ${L} = dC/dA${L} ⊙ a ⊙ (1 − a)${network.cost === "cross_entropy" ? ` (= −y ⊙ (1 − a) for cross-entropy)` : ""}: softmax is not elementwise — its Jacobian is diag(a) − a·aᵀ, so dC/dz = a ⊙ (g − Σ_k a_k g_k) with g = dC/da${network.cost === "cross_entropy" ? ", which with cross-entropy is a·Σy − y = a − y" : ""}`,
    });
  }
  if (network.cost === "binary_cross_entropy") {
    list.push({
      kind: "bce-target-flipped",
      deltaL: out.a.map((a, s) => a.map((ai, i) => w * (ai - (1 - targets[s]![i]!)))),
      message: `the gradients match binary cross-entropy with y and 1 − y exchanged, δ${L} = a − (1 − y) instead of a − y: the cost is −[y ln a + (1 − y) ln(1 − a)], y weighting ln a`,
    });
  }
  return list;
}

/** The output-layer hints the recomputed gradients confirm (see the module comment). */
export function outputHints(request: GradientsRequest, exact: ExactGradients, groups: readonly ParamGroup[]): Hint[] {
  return hypotheses(request, exact)
    .filter((h) => explains(groups, backwardFrom(request, exact, h.deltaL)))
    .map(({ kind, message }) => ({ kind, message }));
}
