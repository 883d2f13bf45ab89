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
  /**
   * The network shapes it supports, and the shapes nncheck's oracle, finite-difference and property checks then run
   * on (besides the built-in ones it also supports); absent means any shape built from `activations`.
   */
  readonly networks?: readonly DeclaredNetwork[];
  /** The optimizers `step` and `train` take (`optimizer.name`); absent means plain SGD only (no `optimizer` field). */
  readonly optimizers?: readonly string[];
}

/**
 * A network shape an implementation declares (hello `networks`) or `nncheck run --network` names. `cost` absent: the
 * first of the hello's `costs` that fits the output layer; `reduction` absent: every one of the hello's `reductions`.
 */
export interface DeclaredNetwork {
  readonly layers: readonly number[];
  readonly activations: readonly string[];
  readonly cost?: string;
  readonly reduction?: string;
}

/** The optimizers of the protocol, by their wire names (torch.optim.SGD, Adam, AdamW). */
export const OPTIMIZERS = ["sgd", "adam", "adamw"] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** torch.optim.SGD: momentum μ, dampening d, Nesterov momentum, coupled weight decay λ (g ← g + λθ). */
export interface SgdOptimizer {
  readonly name: "sgd";
  readonly momentum: number;
  readonly dampening: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
}

/** torch.optim.Adam (coupled weight decay λ: g ← g + λθ) or AdamW (decoupled: θ ← θ·(1 − L·λ) first). */
export interface AdamOptimizer {
  readonly name: "adam" | "adamw";
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
}

export type Optimizer = SgdOptimizer | AdamOptimizer;

/** SGD's state: the momentum buffer, null before the first step (and always for μ = 0). */
export interface SgdState {
  readonly momentumBuffer: Params | null;
}

/** Adam's and AdamW's state: the steps taken so far, the first and second moments m and v (v ≥ 0). */
export interface AdamState {
  readonly step: number;
  readonly m: Params;
  readonly v: Params;
}

export type OptimizerState = SgdState | AdamState;

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
  /** The update rule; absent means plain SGD (θ − L·∇C(θ)), protocol v1 as it always was. */
  readonly optimizer?: Optimizer;
  /** The optimizer's state before this request; absent or null means fresh (PyTorch's first step). */
  readonly state?: OptimizerState | null;
}

export interface StepResult {
  /** θ − L·∇C(θ) on the whole batch (plain SGD), or the optimizer's update. */
  readonly params: Params;
  /** The optimizer's state after the step: present exactly when the request had an `optimizer`. */
  readonly state?: OptimizerState;
}

export interface TrainRequest extends StepRequest {
  /** Sample indices, one step (batch of one) each, in this order; the optimizer's state is carried from step to step. */
  readonly order: readonly number[];
}

export interface TrainResult {
  readonly params: Params;
  /** `costs[k]` is the cost of sample `order[k]` before step k. */
  readonly costs?: readonly number[];
  /** The optimizer's state after the last step: present exactly when the request had an `optimizer`. */
  readonly state?: OptimizerState;
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
