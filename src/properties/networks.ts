import { seedNetwork, type NetworkSpec } from "../network/types.ts";

/** The network most properties send: the seed's 3-3-1 (ReLU, logistic), so seed-only implementations get them. */
export const PROPERTY_NETWORK: NetworkSpec = seedNetwork;

/**
 * A network with an identity output layer, where δ_L = dC/dA_L and so dC/db_L = (2/n)·Σ_samples (A_L − Y):
 * non-square W1 (4×3) and two outputs.
 */
export const IDENTITY_OUTPUT_NETWORK: NetworkSpec = { layers: [3, 4, 2], activations: ["relu", "identity"], cost: "squared_error" };
