import { describe, expect, it } from "vitest";
import { CLASSIFIER_SHAPES, ORACLE_SHAPES } from "../../src/checks/oracleChecks.ts";
import { oracleCases } from "../../src/checks/oracleCases.ts";
import { backwardWith, matchesAll } from "../../src/diagnosis/index.ts";
import { exactToNumbers } from "../../src/gradcheck/exactGradients.ts";
import type { GradientsRequest } from "../../src/implementation.ts";
import type { LayerParams } from "../../src/network/types.ts";
import { createOracle } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const oracle = createOracle();
const SEED = Number(process.env.NNCHECK_SEED ?? 8);
const flat = (g: readonly LayerParams[]) => g.flatMap(({ W, b }) => [...W.flat(), ...b]);

describe("backwardWith", () => {
  it.each([...ORACLE_SHAPES, ...CLASSIFIER_SHAPES].map((s) => [s.name, s.network] as const))(
    "with the exact f′ in every layer it gives back the exact gradients on %s, saturated cases included",
    (name, network) => {
      const cases = oracleCases(createRng(SEED), network, 6, true, "mixed");
      for (const [k, { kind, c }] of cases.entries()) {
        const request: GradientsRequest = { network, params: c.params, inputs: c.inputs, targets: c.targets };
        const exact = exactToNumbers(oracle.gradients(network, c.params, c.inputs, c.targets));
        const expected = flat(exact.grads);
        for (let layer = 0; layer < network.activations.length; layer++) {
          const output = layer === network.activations.length - 1;
          // the output layer's hypotheses start from dC/dA_L ⊙ f′, which is δ_L only for an elementwise activation
          // with a finite dC/dA_L; softmax (a Jacobian) and a saturated cross-entropy (dC/dA_L = ±∞) are not
          if (output && (network.activations[layer] === "softmax" || !exact.layers[layer]!.dC_dA.flat().every(Number.isFinite))) continue;
          const predicted = flat(backwardWith(request, exact, layer, (_z, d) => d));
          expect(matchesAll(predicted, expected, expected), `${name}, seed ${SEED}, case ${k} (${kind}), hypothesis on layer ${layer + 1}`).toBe(true);
        }
      }
    },
  );

  it("stays finite when a saturated cross-entropy's dC/dA_L is ±∞ in float64 (it starts from the exact δ_L)", () => {
    const { network } = CLASSIFIER_SHAPES.find((s) => s.name === "4-5-3-ce")!;
    const saturated = oracleCases(createRng(SEED), network, 8, false, "saturated").map(({ c }) => c);
    const request = saturated
      .map((c): GradientsRequest => ({ network, params: c.params, inputs: c.inputs, targets: c.targets }))
      .find((r) => !exactToNumbers(oracle.gradients(network, r.params, r.inputs, r.targets)).layers[1]!.dC_dA.flat().every(Number.isFinite));
    expect(request, `seed ${SEED}: a saturated case whose dC/dA_2 overflows float64`).toBeDefined();
    const exact = exactToNumbers(oracle.gradients(network, request!.params, request!.inputs, request!.targets));
    const predicted = flat(backwardWith(request!, exact, 0, () => 1)); // ReLU′ ≡ 1 in layer 1
    expect(predicted.every(Number.isFinite)).toBe(true);
  });
});
