/** Plain, JSON-able shapes shared by every part of nncheck. */

/** A vector of float64 values. */
export type Vector = readonly number[];

/** A matrix stored row by row: `m[i][j]` is row i, column j. */
export type Matrix = readonly Vector[];

/** The activation functions nncheck knows, by their wire names. */
export type Activation = "relu" | "logistic" | "tanh" | "identity";

/** Every activation name, in a fixed order. */
export const ACTIVATIONS: readonly Activation[] = ["relu", "logistic", "tanh", "identity"];

/** The only cost so far: mean over the samples of Σ over outputs (a − y)². */
export type Cost = "squared_error";

/**
 * A fully connected network: `layers[0]` inputs, then the width of every layer;
 * `activations[l]` is applied by layer l + 1, so `activations.length === layers.length - 1`.
 */
export interface NetworkSpec {
  readonly layers: readonly number[];
  readonly activations: readonly Activation[];
  readonly cost: Cost;
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
