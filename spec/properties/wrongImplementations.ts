/**
 * Deliberately wrong implementations, one per property of the classifier family (cross-entropy, BCE, softmax,
 * leaky ReLU, softplus, silu), each the reference with one answer rewritten: the property named must fail on it.
 * The mutant catalogue (examples/mutants/) covers the seed's family; this table covers what its plain
 * implementation does not declare, so that no property goes without a test that it can fail.
 */
import type { ActivationRequest, ActivationResult, GradientsRequest, GradientsResult, Implementation } from "../../src/implementation.ts";
import { reference } from "../../src/reference/index.ts";
import { tamper } from "../checks/runCheck.ts";

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

/** The reference with the `activation` answer for `name` rewritten. */
function tamperActivation(name: string, rewrite: (answer: ActivationResult, request: ActivationRequest) => ActivationResult): Implementation {
  return { ...reference, activation: async (request) => (request.name === name ? rewrite(await reference.activation(request), request) : reference.activation(request)) };
}

/** The reference with the cost of `gradients` recomputed per sample from the output layer's z and a. */
function tamperCost(perSample: (z: readonly number[], a: readonly number[], y: readonly number[]) => number): Implementation {
  return {
    ...reference,
    gradients: async (request: GradientsRequest): Promise<GradientsResult> => {
      const [answer, { layers }] = await Promise.all([reference.gradients(request), reference.forward(request)]);
      const out = layers.at(-1)!;
      const n = request.inputs.length;
      return { ...answer, cost: request.targets.reduce((sum, y, s) => sum + perSample(out.z[s]!, out.a[s]!, y), 0) / n };
    },
  };
}

/** One wrong implementation and the property it must fail. */
export interface WrongImplementation {
  readonly id: string;
  readonly bug: string;
  readonly implementation: Implementation;
}

export const WRONG_IMPLEMENTATIONS: readonly WrongImplementation[] = [
  {
    id: "property/leaky_relu/value",
    bug: "a slope of 0.1 below 0 (Keras' LeakyReLU default was 0.3, other libraries 0.2: not the declared 0.01)",
    implementation: tamperActivation("leaky_relu", ({ derivative }, { x }) => ({ value: x.map((v) => (v > 0 ? v : 0.1 * v)), derivative })),
  },
  {
    id: "property/leaky_relu/derivative",
    bug: "leaky_relu′(0) = 1, the right derivative (z >= 0 instead of z > 0)",
    implementation: tamperActivation("leaky_relu", ({ value }, { x }) => ({ value, derivative: x.map((v) => (v >= 0 ? 1 : 0.01)) })),
  },
  {
    id: "property/softplus/above-relu",
    bug: "softplus as ln(1 + e^x) taken literally: e^x overflows to Infinity above 709.78",
    implementation: tamperActivation("softplus", ({ derivative }, { x }) => ({ value: x.map((v) => Math.log(1 + Math.exp(v))), derivative })),
  },
  {
    id: "property/softplus/derivative-logistic",
    bug: "softplus′ taken as σ(−x) (the sign of the chain rule of ln(1 + e^−x) lost)",
    implementation: tamperActivation("softplus", ({ value }, { x }) => ({ value, derivative: x.map((v) => sigma(-v)) })),
  },
  {
    id: "property/silu/odd-part",
    bug: "silu clamped like ReLU, max(x, 0)·σ(x)",
    implementation: tamperActivation("silu", ({ derivative }, { x }) => ({ value: x.map((v) => Math.max(v, 0) * sigma(v)), derivative })),
  },
  {
    id: "property/softmax/sums-to-one",
    bug: "naive softmax e^z / Σ e^z without subtracting max z: NaN once e^z overflows",
    implementation: tamperActivation("softmax", ({ derivative }, { x }) => {
      const e = x.map(Math.exp);
      const s = e.reduce((t, v) => t + v, 0);
      return { value: e.map((v) => v / s), derivative };
    }),
  },
  {
    id: "property/softmax/shift-invariant",
    bug: "softmax normalised by Σ e^z + 1 (an off-by-one 'softmax with a null class'): the shift changes the extra term's weight",
    implementation: tamperActivation("softmax", ({ derivative }, { x }) => {
      const m = Math.max(...x);
      const e = x.map((v) => Math.exp(v - m));
      const s = e.reduce((t, v) => t + v, 0) + Math.exp(-m);
      return { value: e.map((v) => v / s), derivative };
    }),
  },
  {
    id: "property/softmax/jacobian-identity",
    bug: "the softmax Jacobian taken as its diagonal a ⊙ (1 − a), off-diagonal entries 0",
    implementation: tamperActivation("softmax", ({ value, derivative }) => ({ value, derivative: (derivative as number[][]).map((row, i) => row.map((v, j) => (i === j ? v : 0))) })),
  },
  {
    id: "property/cost/cross-entropy-nonnegative",
    bug: "cross-entropy with ln e^z_k = z_k in place of the log-softmax (the normalisation forgotten)",
    implementation: tamperCost((z, _a, y) => -y.reduce((c, yk, k) => c + yk * z[k]!, 0)),
  },
  {
    id: "property/cost/cross-entropy-zero-iff-hit",
    bug: "−ln a at the network's own argmax instead of the target's class (the label taken from the prediction)",
    implementation: tamperCost((_z, a) => -Math.log(Math.max(...a))),
  },
  {
    id: "property/cost/bce-complement",
    bug: "BCE without its (1 − y)·ln(1 − a) term, −y·ln σ(z)",
    implementation: tamperCost((z, _a, y) => y.reduce((c, yk, k) => c - yk * Math.log(sigma(z[k]!)), 0)),
  },
  {
    id: "property/cost/cross-entropy-output-gradient",
    bug: "the cross-entropy gradient without the 1/n of the mean (summed over the batch)",
    implementation: tamper(reference, "gradients", (answer, request) => ({ ...answer, grads: answer.grads.map(({ W, b }) => ({ W: W.map((row) => row.map((g) => g * request.inputs.length)), b: b.map((g) => g * request.inputs.length) })) })),
  },
  {
    id: "property/descent/sgd-classifier",
    bug: "SGD that steps uphill, θ + L·∇C",
    implementation: { ...reference, train: async (request) => reference.train({ ...request, learningRate: -request.learningRate }) },
  },
];
