import type { Dtype } from "./gradcheck/dtypes.ts";
import type { Activation, LayerParams, LayerValues, Matrix, NetworkSpec, Params, Vector } from "./network/types.ts";

/** The methods an implementation may offer, by their wire names. */
export const METHODS = ["forward", "gradients", "step", "train", "activation"] as const;
export type Method = (typeof METHODS)[number];

/** What an implementation says about itself before anything else. */
export interface Hello {
  readonly protocol: 1;
  readonly name: string;
  readonly language?: string;
  /** The floating-point format it computes in (see DTYPES): float64, float32, float16 or bfloat16. */
  readonly dtype: Dtype;
  readonly methods: readonly string[];
  readonly activations: readonly string[];
  /** The costs it answers (`network.cost`); absent means ["squared_error"], protocol v1's only cost at first. */
  readonly costs?: readonly string[];
  /** The batch reductions it answers (`network.reduction`); absent means ["mean"]. */
  readonly reductions?: readonly string[];
  /** The network shapes it supports; absent means any shape built from `activations`. */
  readonly networks?: readonly { readonly layers: readonly number[]; readonly activations: readonly string[] }[];
}

export interface ForwardRequest {
  readonly network: NetworkSpec;
  readonly params: Params;
  /** `inputs[sample][feature]`. */
  readonly inputs: Matrix;
}

export interface ForwardResult {
  /** One entry per layer after the input layer. */
  readonly layers: readonly LayerValues[];
}

export interface GradientsRequest extends ForwardRequest {
  /** `targets[sample][output]`. */
  readonly targets: Matrix;
}

export interface GradientsResult {
  /** The batch cost: the network's per-sample cost reduced over the batch (the mean, unless `network.reduction` says otherwise). */
  readonly cost: number;
  /** dC/dW and dC/db, one entry per layer, shaped like the params. */
  readonly grads: readonly LayerParams[];
}

export interface StepRequest extends GradientsRequest {
  readonly learningRate: number;
}

export interface StepResult {
  /** θ − L·∇C(θ) on the whole batch. */
  readonly params: Params;
}

export interface TrainRequest extends StepRequest {
  /** Sample indices, one SGD step (batch of one) each, in this order. */
  readonly order: readonly number[];
}

export interface TrainResult {
  readonly params: Params;
  /** `costs[k]` is the cost of sample `order[k]` before step k. */
  readonly costs?: readonly number[];
}

export interface ActivationRequest {
  readonly name: Activation;
  readonly x: Vector;
}

export interface ActivationResult {
  /** f(x[i]) for every i; for softmax, softmax(x) (x is one vector of logits). */
  readonly value: Vector;
  /** f′(x[i]) for every i; for softmax, the Jacobian: derivative[i][j] = ∂value[i]/∂x[j]. */
  readonly derivative: Vector | Matrix;
}

/**
 * The one shape every implementation under test has, in-process or over the stdio protocol.
 * A method it does not offer throws `ImplementationError` with code "unsupported".
 */
export interface Implementation {
  hello(): Promise<Hello>;
  forward(request: ForwardRequest): Promise<ForwardResult>;
  gradients(request: GradientsRequest): Promise<GradientsResult>;
  step(request: StepRequest): Promise<StepResult>;
  train(request: TrainRequest): Promise<TrainResult>;
  activation(request: ActivationRequest): Promise<ActivationResult>;
  /** Releases what the implementation holds (a child process, say); optional. */
  close?(): Promise<void>;
}

export type ImplementationErrorCode = "unsupported" | "invalid_params" | "internal";

/** An error an implementation reports on purpose, with the protocol's error code. */
export class ImplementationError extends Error {
  readonly code: ImplementationErrorCode;
  constructor(code: ImplementationErrorCode, message: string) {
    super(message);
    this.name = "ImplementationError";
    this.code = code;
  }
}
