import { seedNetwork, type NetworkSpec } from "../network/types.ts";

/** The network most properties send: the seed's 3-3-1 (ReLU, logistic), so seed-only implementations get them. */
export const PROPERTY_NETWORK: NetworkSpec = seedNetwork;

/**
 * A network with an identity output layer, where δ_L = dC/dA_L and so dC/db_L = (2/n)·Σ_samples (A_L − Y):
 * non-square W1 (4×3) and two outputs.
 */
export const IDENTITY_OUTPUT_NETWORK: NetworkSpec = { layers: [3, 4, 2], activations: ["relu", "identity"], cost: "squared_error" };

/** The softmax classifier of the cross-entropy properties: 3-4-3, ReLU then softmax, cross-entropy (mean). */
export const CLASSIFIER_NETWORK: NetworkSpec = { layers: [3, 4, 3], activations: ["relu", "softmax"], cost: "cross_entropy" };

/** The binary classifier of the BCE properties: 3-3-2, ReLU then logistic, binary cross-entropy (mean), two outputs. */
export const BINARY_NETWORK: NetworkSpec = { layers: [3, 3, 2], activations: ["relu", "logistic"], cost: "binary_cross_entropy" };

/** A network a property runs on: a built-in one (no name: the ids as ever) or a declared shape, whose name ends the ids. */
export interface PropertyShape {
  readonly network: NetworkSpec;
  readonly name?: string;
}

/** `id` on `shape`: unchanged on a built-in network, `<id>/<name>` on a declared shape. */
export function propertyId(id: string, shape: PropertyShape): string {
  return shape.name === undefined ? id : `${id}/${shape.name}`;
}

/** Whether the first layer is ReLU with a layer after it: what the kink, dead-unit and rescaling cases need. */
export function reluFirstLayer(network: NetworkSpec): boolean {
  return network.activations[0] === "relu" && network.layers.length >= 3;
}

/** Whether the batch cost is a mean over the samples (`mean`, absent, or `mean_all`, a mean of per-sample means). */
export function meanOverSamples(network: NetworkSpec): boolean {
  return network.reduction !== "sum";
}
