/** Plain, JSON-able shapes shared by every part of nncheck. */

/** A vector of float64 values. */
export type Vector = readonly number[];

/** A matrix stored row by row: `m[i][j]` is row i, column j. */
export type Matrix = readonly Vector[];

/**
 * The activation functions nncheck knows, by their wire names (their formulas, exact forms and tolerances are one
 * table: src/family/activations.ts). `softmax` acts on a whole layer and may only be the output layer's.
 */
export type Activation = "relu" | "logistic" | "tanh" | "identity" | "leaky_relu" | "softplus" | "silu" | "softmax";

/** Every activation name, in a fixed order (the seed's four first). */
export const ACTIVATIONS: readonly Activation[] = ["relu", "logistic", "tanh", "identity", "leaky_relu", "softplus", "silu", "softmax"];

/**
 * The costs nncheck knows, by their wire names (the table: src/family/costs.ts), each a per-sample sum over the
 * output units: Σ(a − y)², ½Σ(a − y)², −Σ[y ln a + (1 − y) ln(1 − a)] (logistic outputs), −Σ y ln a (softmax outputs).
 */
export type Cost = "squared_error" | "half_squared_error" | "binary_cross_entropy" | "cross_entropy";

/** Every cost name, in a fixed order (today's first). */
export const COSTS: readonly Cost[] = ["squared_error", "half_squared_error", "binary_cross_entropy", "cross_entropy"];

/**
 * How per-sample costs make the batch cost: `mean` over the n samples (the default), their `sum`, or `mean_all`,
 * the mean over samples and output units (PyTorch's default MSELoss and BCELoss).
 */
export type Reduction = "mean" | "sum" | "mean_all";

/** Every reduction name, the default first. */
export const REDUCTIONS: readonly Reduction[] = ["mean", "sum", "mean_all"];

/**
 * A fully connected network: `layers[0]` inputs, then the width of every layer;
 * `activations[l]` is applied by layer l + 1, so `activations.length === layers.length - 1`.
 * `reduction` absent means "mean" (requests for the mean leave it out, as protocol v1 always has).
 */
export interface NetworkSpec {
  readonly layers: readonly number[];
  readonly activations: readonly Activation[];
  readonly cost: Cost;
  readonly reduction?: Reduction;
}

/** One layer's parameters: `z = W·a + b`, `W` has one row per output unit (as in the seed). */
export interface LayerParams {
  readonly W: Matrix;
  readonly b: Vector;
}

/** A network's parameters, one `{ W, b }` per layer after the input layer. */
export type Params = readonly LayerParams[];

/** One layer's pre-activations `z` and activations `a`, each indexed `[sample][unit]`. */
export interface LayerValues {
  readonly z: Matrix;
  readonly a: Matrix;
}

/** The seed's network: 3 inputs (RGB / 255), 3 ReLU hidden units, 1 logistic output. */
export const seedNetwork: NetworkSpec = {
  layers: [3, 3, 1],
  activations: ["relu", "logistic"],
  cost: "squared_error",
};
