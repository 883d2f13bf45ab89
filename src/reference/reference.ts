/** The float64 reference implementation behind the `Implementation` interface, validating every request. */
import {
  METHODS,
  OPTIMIZERS,
  type ActivationRequest,
  type ForwardRequest,
  type GradientsRequest,
  type Hello,
  type Implementation,
  type StepRequest,
  type TrainRequest,
} from "../implementation.ts";
import { ACTIVATION_TABLE } from "../family/activations.ts";
import { ACTIVATIONS, COSTS, REDUCTIONS } from "../network/types.ts";
import {
  assertValid,
  validateActivationRequest,
  validateForwardRequest,
  validateGradientsRequest,
  validateStepRequest,
  validateTrainRequest,
} from "../network/validate.ts";
import { activate, activationDerivative } from "./activationFunctions.ts";
import { forward } from "./forward.ts";
import { gradients } from "./gradients.ts";
import { withOptimizerDefaults } from "../network/validateOptimizer.ts";
import { optimizerStep, step } from "./step.ts";
import { train, trainWithOptimizer } from "./train.ts";

const hello: Hello = {
  protocol: 1,
  name: "nncheck-reference",
  language: "typescript",
  dtype: "float64",
  methods: [...METHODS],
  activations: [...ACTIVATIONS],
  costs: [...COSTS],
  reductions: [...REDUCTIONS],
  optimizers: [...OPTIMIZERS],
};

/**
 * nncheck's own float64 implementation: every method of the protocol for any network shape; a malformed
 * request is rejected with `ImplementationError("invalid_params")` naming each bad field. `train` always returns costs.
 * `step` and `train` take every optimizer of the protocol (sgd, adam, adamw) and answer the state after them.
 */
export const reference: Implementation = {
  hello: async () => hello,

  forward: async (request: ForwardRequest) => {
    assertValid(validateForwardRequest(request), "forward");
    return { layers: forward(request.network, request.params, request.inputs) };
  },

  gradients: async (request: GradientsRequest) => {
    assertValid(validateGradientsRequest(request), "gradients");
    return gradients(request.network, request.params, request.inputs, request.targets);
  },

  step: async (request: StepRequest) => {
    assertValid(validateStepRequest(request), "step");
    const { network, params, inputs, targets, learningRate, optimizer, state } = request;
    if (optimizer === undefined) return { params: step(network, params, inputs, targets, learningRate) };
    const next = optimizerStep(network, params, inputs, targets, learningRate, withOptimizerDefaults(optimizer), state);
    return { params: next.params, state: next.state };
  },

  train: async (request: TrainRequest) => {
    assertValid(validateTrainRequest(request), "train");
    const { network, params, inputs, targets, learningRate, order, optimizer, state } = request;
    if (optimizer === undefined) return train(network, params, inputs, targets, learningRate, order, { recordCosts: true });
    return trainWithOptimizer(network, params, inputs, targets, learningRate, order, withOptimizerDefaults(optimizer), state);
  },

  activation: async (request: ActivationRequest) => {
    assertValid(validateActivationRequest(request), "activation");
    const { name, x } = request;
    const f = ACTIVATION_TABLE[name];
    if (f.kind === "vector") return { value: f.value(x), derivative: f.jacobian(x) };
    return { value: x.map((z) => activate(name, z)), derivative: x.map((z) => activationDerivative(name, z)) };
  },
};
