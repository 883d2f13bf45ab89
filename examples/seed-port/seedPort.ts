/**
 * THIS MODULE REPRODUCES PUBLISHED CODE ON PURPOSE, BUGS INCLUDED. It is the seed chapter's numpy network
 * (Example 7-11: forward_prop, backward_prop, relu, logistic, d_relu, d_logistic and the update rule, see
 * publishedCode.ts) behind nncheck's `Implementation` interface, so that nncheck can audit the code as printed.
 * Do not use it as a correct implementation: its hidden-layer gradients are wrong (every row of dC/dW1 is the sum
 * of the true rows, every entry of dC/db1 the sum of the true entries) and its d_logistic is NaN below x ≈ −709.78.
 *
 * What each method answers:
 * - hello: only the seed network [3, 3, 1] with relu/logistic, dtype float64, activations relu and logistic.
 * - forward: forward_prop on X = inputsᵀ (any number of samples: the printed accuracy code does this too).
 * - gradients: cost = the chapter's C = (A2 − Y)²; grads = the arrays the update rule applies (dW1, dB1, dW2, dB2)
 *   broadcast to the parameter shapes as numpy's `-=` broadcasts them — so W1's three rows are identical, b1's
 *   three entries too: what the published code really does to its parameters.
 * - step: one printed update, θ − L·(those arrays). train: the printed loop over `order`, one sample per step,
 *   `costs[k]` = (A2 − Y)² of that sample before its step.
 * - more than one sample in gradients/step: the printed backward_prop cannot run (`dC_dA2 @ dA2_dZ2` is
 *   (1,n)@(1,n) and numpy raises) — answered as ImplementationError("unsupported"), not a crash.
 * - activation: the printed relu/d_relu and logistic/d_logistic, element by element (float64).
 */
import { Matrix } from "ml-matrix";
import {
  ImplementationError, METHODS, type ActivationRequest, type ForwardRequest, type GradientsRequest, type Hello,
  type Implementation, type StepRequest, type TrainRequest,
} from "../../src/implementation.ts";
import type { NetworkSpec, Params } from "../../src/network/types.ts";
import { assertValid, validateActivationRequest, validateForwardRequest, validateGradientsRequest, validateStepRequest, validateTrainRequest } from "../../src/network/validate.ts";
import { array, broadcastTo, item, NumpyValueError, toRows } from "./numpyLike.ts";
import { backward_prop, cost, d_logistic, d_relu, forward_prop, logistic, relu, update, type SeedArrays } from "./publishedCode.ts";

const hello: Hello = {
  protocol: 1,
  name: "seed-port (the seed chapter's published numpy code, Example 7-11, bugs included)",
  language: "typescript",
  dtype: "float64",
  methods: [...METHODS],
  activations: ["relu", "logistic"],
  networks: [{ layers: [3, 3, 1], activations: ["relu", "logistic"] }],
};

function requireSeedNetwork(network: NetworkSpec): void {
  const ok = network.layers.join() === "3,3,1" && network.activations.join() === "relu,logistic";
  if (!ok) throw new ImplementationError("unsupported", `the published code is written for the 3-3-1 relu/logistic network only, got layers [${network.layers.join(", ")}] with ${network.activations.join(", ")}`);
}

/** The request's params in the published code's arrays: b as columns, as `np.random.rand(3, 1)` makes them. */
function toArrays(params: Params): SeedArrays {
  const [hidden, output] = params as [Params[number], Params[number]];
  return { w_hidden: array(hidden.W), b_hidden: array(hidden.b.map((v) => [v])), w_output: array(output.W), b_output: array(output.b.map((v) => [v])) };
}

function toParams(net: SeedArrays): Params {
  return [
    { W: toRows(net.w_hidden), b: toRows(net.b_hidden).map((r) => r[0]!) },
    { W: toRows(net.w_output), b: toRows(net.b_output).map((r) => r[0]!) },
  ];
}

/** X as the printed code holds it: one column per sample (`X_train[idx].transpose()`); Y as a (1, n) row. */
const columns = (m: readonly (readonly number[])[]): Matrix => array(m).transpose();

/** One forward + backward pass as printed; numpy's ValueError for a batch becomes "unsupported". */
function pass(request: GradientsRequest) {
  const net = toArrays(request.params);
  const X = columns(request.inputs), Y = columns(request.targets);
  const { Z1, A1, Z2, A2 } = forward_prop(net, X);
  try {
    return { net, A2, Y, grads: backward_prop(net, Z1, A1, Z2, A2, X, Y) };
  } catch (error) {
    if (!(error instanceof NumpyValueError)) throw error;
    throw new ImplementationError("unsupported", `the published backward_prop handles one sample at a time (X_sample = X_train[idx].transpose() for one idx); with ${request.inputs.length} samples numpy raises ValueError: ${error.message}`);
  }
}

const seedPort: Implementation = {
  hello: async () => hello,

  forward: async (request: ForwardRequest) => {
    assertValid(validateForwardRequest(request), "forward");
    requireSeedNetwork(request.network);
    const { Z1, A1, Z2, A2 } = forward_prop(toArrays(request.params), columns(request.inputs));
    return { layers: [{ z: Z1.transpose().to2DArray(), a: A1.transpose().to2DArray() }, { z: Z2.transpose().to2DArray(), a: A2.transpose().to2DArray() }] };
  },

  gradients: async (request: GradientsRequest) => {
    assertValid(validateGradientsRequest(request), "gradients");
    requireSeedNetwork(request.network);
    const { A2, Y, grads } = pass(request);
    const { dC_dW1, dC_dB1, dC_dW2, dC_dB2 } = grads;
    return {
      cost: item(cost(A2, Y)),
      grads: [
        { W: toRows(broadcastTo(dC_dW1, 3, 3)), b: toRows(broadcastTo(dC_dB1, 3, 1)).map((r) => r[0]!) },
        { W: toRows(broadcastTo(dC_dW2, 1, 3)), b: toRows(broadcastTo(dC_dB2, 1, 1)).map((r) => r[0]!) },
      ],
    };
  },

  step: async (request: StepRequest) => {
    assertValid(validateStepRequest(request), "step");
    requireSeedNetwork(request.network);
    const { net, grads } = pass(request);
    return { params: toParams(update(net, grads, request.learningRate)) };
  },

  train: async (request: TrainRequest) => {
    assertValid(validateTrainRequest(request), "train");
    requireSeedNetwork(request.network);
    let net = toArrays(request.params);
    const L = request.learningRate;
    const costs: number[] = [];
    for (const idx of request.order) {
      const X_sample = columns([request.inputs[idx]!]);
      const Y_sample = columns([request.targets[idx]!]);
      const { Z1, A1, Z2, A2 } = forward_prop(net, X_sample);
      costs.push(item(cost(A2, Y_sample)));
      net = update(net, backward_prop(net, Z1, A1, Z2, A2, X_sample, Y_sample), L);
    }
    return { params: toParams(net), costs };
  },

  activation: async (request: ActivationRequest) => {
    assertValid(validateActivationRequest(request), "activation");
    const x = array([request.x]);
    const [f, df] = request.name === "relu" ? [relu, d_relu] : request.name === "logistic" ? [logistic, d_logistic] : [undefined, undefined];
    if (f === undefined || df === undefined) throw new ImplementationError("unsupported", `the published code defines relu and logistic only, not ${request.name}`);
    return { value: toRows(f(x))[0]!, derivative: toRows(df(x))[0]! };
  },
};

export default seedPort;
