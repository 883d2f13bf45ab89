// A float64 network in plain JavaScript (ESM, no build step) that nncheck runs in-process:
//   npx nncheck run --module examples/js/network.js
// The default export implements nncheck's Implementation interface: async hello(), forward(), gradients(),
// step(), train() and activation(), taking and returning plain arrays. Samples are rows, as on the wire:
// z[s][i] = Σ_j W[i][j]·a_prev[s][j] + b[i],  a[s][i] = f(z[s][i]).

// --- activations: f and f′ side by side, finite and accurate for every finite input ------------------
const ACTIVATIONS = {
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) }, // relu′(0) = 0
  logistic: {
    f: (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))), // never overflows
    df: (z) => {
      const e = Math.exp(-Math.abs(z));
      return e / (1 + e) ** 2; // = σ(z)(1 − σ(z)), without cancellation
    },
  },
  tanh: {
    f: Math.tanh,
    df: (z) => {
      const t = Math.exp(-2 * Math.abs(z));
      return (4 * t) / (1 + t) ** 2; // = 1 − tanh²(z), accurate for large |z|
    },
  },
  identity: { f: (z) => z, df: () => 1 },
};

// --- the network: params is [{ W, b }], one per layer after the input ------------------------------
/** [{ z, a }] for every layer after the input, each indexed [sample][unit]. */
function forwardProp(network, params, inputs) {
  const layers = [];
  let aPrev = inputs;
  params.forEach(({ W, b }, l) => {
    const { f } = ACTIVATIONS[network.activations[l]];
    const z = aPrev.map((row) => W.map((Wi, i) => Wi.reduce((sum, Wij, j) => sum + Wij * row[j], b[i])));
    const a = z.map((row) => row.map(f));
    layers.push({ z, a });
    aPrev = a;
  });
  return layers;
}

/** The batch cost C = mean over samples of Σ (a − y)², and dC/dW, dC/db for every layer (means over the batch). */
function backwardProp(network, params, inputs, targets) {
  const layers = forwardProp(network, params, inputs);
  const n = inputs.length;
  const aOut = layers[layers.length - 1].a;
  const cost = aOut.reduce((sum, row, s) => sum + row.reduce((t, a, i) => t + (a - targets[s][i]) ** 2, 0), 0) / n;
  let dC_dA = aOut.map((row, s) => row.map((a, i) => (2 * (a - targets[s][i])) / n));
  const grads = new Array(params.length);
  for (let l = params.length - 1; l >= 0; l--) {
    const { df } = ACTIVATIONS[network.activations[l]];
    const aPrev = l > 0 ? layers[l - 1].a : inputs;
    const delta = dC_dA.map((row, s) => row.map((g, i) => g * df(layers[l].z[s][i]))); // dC/dz = dC/da · da/dz
    const { W } = params[l];
    grads[l] = {
      W: W.map((Wi, i) => Wi.map((_, j) => delta.reduce((sum, row, s) => sum + row[i] * aPrev[s][j], 0))),
      b: W.map((_, i) => delta.reduce((sum, row) => sum + row[i], 0)),
    };
    dC_dA = delta.map((row) => W[0].map((_, j) => row.reduce((sum, d, i) => sum + d * W[i][j], 0))); // Wᵀ·delta
  }
  return { cost, grads };
}

/** Gradient descent: θ − L·∇C, as new arrays. */
function descend(params, grads, L) {
  return params.map(({ W, b }, l) => ({
    W: W.map((Wi, i) => Wi.map((Wij, j) => Wij - L * grads[l].W[i][j])),
    b: b.map((bi, i) => bi - L * grads[l].b[i]),
  }));
}

/** An error nncheck reads as an error response: "unsupported" skips the check, "invalid_params" fails it. */
function requestError(code, message) {
  return Object.assign(new Error(message), { code });
}

function requireOffered(network) {
  for (const name of network.activations) {
    if (!(name in ACTIVATIONS)) throw requestError("unsupported", `activation "${name}" is not offered`);
  }
  if (network.cost !== "squared_error") throw requestError("unsupported", `cost "${network.cost}" is not offered`);
}

// --- the Implementation nncheck calls ---------------------------------------------------------------
export default {
  async hello() {
    return {
      protocol: 1, name: "javascript example", language: "javascript", dtype: "float64",
      methods: ["forward", "gradients", "step", "train", "activation"], activations: Object.keys(ACTIVATIONS),
    };
  },
  async forward({ network, params, inputs }) {
    requireOffered(network);
    return { layers: forwardProp(network, params, inputs) };
  },
  async gradients({ network, params, inputs, targets }) {
    requireOffered(network);
    return backwardProp(network, params, inputs, targets);
  },
  async step({ network, params, inputs, targets, learningRate }) {
    requireOffered(network);
    return { params: descend(params, backwardProp(network, params, inputs, targets).grads, learningRate) };
  },
  async train({ network, params, inputs, targets, learningRate, order }) {
    requireOffered(network);
    const costs = [];
    for (const s of order) { // SGD: one sample per step
      const { cost, grads } = backwardProp(network, params, [inputs[s]], [targets[s]]);
      costs.push(cost);
      params = descend(params, grads, learningRate);
    }
    return { params, costs };
  },
  async activation({ name, x }) {
    const activation = ACTIVATIONS[name];
    if (activation === undefined) throw requestError("unsupported", `activation "${name}" is not offered`);
    return { value: x.map(activation.f), derivative: x.map(activation.df) };
  },
};
