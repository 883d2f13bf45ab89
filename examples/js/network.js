// A float64 network in plain JavaScript (ESM, no build step) that nncheck runs in-process:
//   npx nncheck run --module examples/js/network.js
// The default export implements nncheck's Implementation interface: async hello(), forward(), gradients(),
// step(), train() and activation(), taking and returning plain arrays. Samples are rows, as on the wire:
// z[s][i] = Σ_j W[i][j]·a_prev[s][j] + b[i],  a[s][i] = f(z[s][i]).

// --- activations: f and f′ side by side, finite and accurate for every finite input ------------------
const sigma = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))); // never overflows
const ACTIVATIONS = {
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) }, // relu′(0) = 0
  logistic: {
    f: sigma,
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
  leaky_relu: { f: (z) => (z > 0 ? z : 0.01 * z), df: (z) => (z > 0 ? 1 : 0.01) }, // leaky_relu′(0) = 0.01, the left one
  softplus: { f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), df: sigma }, // ln(1 + e^z), softplus(800) = 800
  silu: { f: (z) => z * sigma(z), df: (z) => sigma(z) * (1 + z * sigma(-z)) }, // 1 − σ(z) taken as σ(−z)
  softmax: { layer: true }, // acts on a whole layer: see softmax() and backwardThrough()
};

/** softmax(z) with max z subtracted first: softmax([1000, 0]) = [1, 0], not NaN. */
function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((zi) => Math.exp(zi - m));
  const s = e.reduce((sum, x) => sum + x, 0);
  return e.map((x) => x / s);
}

/** dC/dz from dC/da for one sample's layer: dC/da ⊙ f′(z), or for softmax the Jacobian product a ⊙ (g − a·g). */
function backwardThrough(name, z, a, g) {
  if (name !== "softmax") return g.map((gi, i) => gi * ACTIVATIONS[name].df(z[i]));
  const ag = a.reduce((sum, ai, i) => sum + ai * g[i], 0);
  return a.map((ai, i) => ai * (g[i] - ag));
}

// --- costs: per sample, summed over the output units -------------------------------------------------
/** ln(1 + e^−|z|) + max(z, 0) = ln(1 + e^z), written so that it never overflows. */
const softplus = (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
const COSTS = {
  squared_error: { cost: (z, a, y) => a.reduce((s, ai, i) => s + (ai - y[i]) ** 2, 0), dC_da: (a, y) => a.map((ai, i) => 2 * (ai - y[i])) },
  half_squared_error: { cost: (z, a, y) => a.reduce((s, ai, i) => s + (ai - y[i]) ** 2, 0) / 2, dC_da: (a, y) => a.map((ai, i) => ai - y[i]) },
  // on a logistic output: −[y ln σ(z) + (1 − y) ln σ(−z)] = softplus(z) − y·z, and dC/dz = σ(z) − y directly
  binary_cross_entropy: { output: "logistic", cost: (z, a, y) => z.reduce((s, zi, i) => s + softplus(zi) - y[i] * zi, 0), dC_dz: (a, y) => a.map((ai, i) => ai - y[i]) },
  // on a softmax output: −Σ y ln a with ln a_k = z_k − ln Σ e^z (log-softmax), and dC/dz = a·Σy − y directly
  cross_entropy: {
    output: "softmax",
    cost: (z, a, y) => {
      const m = Math.max(...z);
      const lse = m + Math.log(z.reduce((s, zi) => s + Math.exp(zi - m), 0));
      return z.reduce((s, zi, k) => s + (y[k] === 0 ? 0 : y[k] * (lse - zi)), 0);
    },
    dC_dz: (a, y) => {
      const sy = y.reduce((s, yk) => s + yk, 0);
      return a.map((ai, i) => ai * sy - y[i]);
    },
  },
};
const REDUCTIONS = ["mean", "sum", "mean_all"];

/** How many samples' worth the batch cost is divided by: the mean over n, the sum, or the mean over n·K entries. */
function divisor(network, n) {
  const reduction = network.reduction ?? "mean";
  return reduction === "sum" ? 1 : reduction === "mean_all" ? n * network.layers[network.layers.length - 1] : n;
}

// --- the network: params is [{ W, b }], one per layer after the input ------------------------------
/** [{ z, a }] for every layer after the input, each indexed [sample][unit]. */
function forwardProp(network, params, inputs) {
  const layers = [];
  let aPrev = inputs;
  params.forEach(({ W, b }, l) => {
    const name = network.activations[l];
    const z = aPrev.map((row) => W.map((Wi, i) => Wi.reduce((sum, Wij, j) => sum + Wij * row[j], b[i])));
    const a = name === "softmax" ? z.map(softmax) : z.map((row) => row.map(ACTIVATIONS[name].f));
    layers.push({ z, a });
    aPrev = a;
  });
  return layers;
}

/** The batch cost C = (Σ over samples of the cost)/divisor, and dC/dW, dC/db for every layer. */
function backwardProp(network, params, inputs, targets) {
  const layers = forwardProp(network, params, inputs);
  const out = layers[layers.length - 1];
  const cost = COSTS[network.cost];
  const d = divisor(network, inputs.length);
  const total = out.a.reduce((sum, a, s) => sum + cost.cost(out.z[s], a, targets[s]), 0) / d;
  const outName = network.activations[network.activations.length - 1];
  // δ at the output: the cost's own dC/dz where it has one, else dC/da back through the output activation
  let delta = out.a.map((a, s) => (cost.dC_dz ? cost.dC_dz(a, targets[s]) : backwardThrough(outName, out.z[s], a, cost.dC_da(a, targets[s]))).map((x) => x / d));
  const grads = new Array(params.length);
  for (let l = params.length - 1; l >= 0; l--) {
    const aPrev = l > 0 ? layers[l - 1].a : inputs;
    const { W } = params[l];
    grads[l] = {
      W: W.map((Wi, i) => Wi.map((_, j) => delta.reduce((sum, row, s) => sum + row[i] * aPrev[s][j], 0))),
      b: W.map((_, i) => delta.reduce((sum, row) => sum + row[i], 0)),
    };
    if (l > 0) {
      const dC_dA = delta.map((row) => W[0].map((_, j) => row.reduce((sum, di, i) => sum + di * W[i][j], 0))); // Wᵀ·delta
      delta = dC_dA.map((g, s) => backwardThrough(network.activations[l - 1], layers[l - 1].z[s], layers[l - 1].a[s], g)); // dC/dz = dC/da · da/dz
    }
  }
  return { cost: total, grads };
}

// --- optimizers: PyTorch's update rules (torch.optim.SGD, Adam, AdamW), one step on the gradient g of θ -----
/** Applies f entry by entry to parameter-shaped arrays ([{ W, b }], all of one shape): f(x, y, …) for each entry. */
function each(f, ...sets) {
  return sets[0].map((layer, l) => ({
    W: layer.W.map((row, i) => row.map((_, j) => f(...sets.map((s) => s[l].W[i][j])))),
    b: layer.b.map((_, i) => f(...sets.map((s) => s[l].b[i]))),
  }));
}

/** PyTorch's defaults for the fields a request leaves out. */
const OPTIMIZER_DEFAULTS = {
  sgd: { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
  adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  adamw: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 },
};

/** torch.optim.SGD: g ← g + λθ; B ← g at first, then μB + (1 − d)g; g ← g + μB with Nesterov, else B; θ ← θ − L·g. */
function sgd(params, grads, state, { momentum: mu, dampening: d, nesterov, weightDecay: lambda }, L) {
  const g = lambda !== 0 ? each((gi, theta) => gi + lambda * theta, grads, params) : grads;
  if (mu === 0) return { params: each((theta, gi) => theta - L * gi, params, g), state: { momentumBuffer: null } };
  const B0 = state?.momentumBuffer ?? null;
  const B = B0 === null ? g : each((Bi, gi) => mu * Bi + (1 - d) * gi, B0, g);
  const update = nesterov ? each((gi, Bi) => gi + mu * Bi, g, B) : B;
  return { params: each((theta, u) => theta - L * u, params, update), state: { momentumBuffer: B } };
}

/** torch.optim.Adam: g ← g + λθ; t ← t + 1; m ← β1·m + (1 − β1)g; v ← β2·v + (1 − β2)g²; θ ← θ − L·m̂/(√v̂ + ε). */
function adam(params, grads, state, { beta1, beta2, epsilon, weightDecay: lambda }, L) {
  const g = lambda !== 0 ? each((gi, theta) => gi + lambda * theta, grads, params) : grads;
  const zeros = each(() => 0, params);
  const t = (state?.step ?? 0) + 1;
  const m = each((mi, gi) => beta1 * mi + (1 - beta1) * gi, state?.m ?? zeros, g);
  const v = each((vi, gi) => beta2 * vi + (1 - beta2) * gi * gi, state?.v ?? zeros, g);
  const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t; // the bias corrections: m̂ = m/c1, v̂ = v/c2
  const next = each((theta, mi, vi) => theta - (L * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon), params, m, v);
  return { params: next, state: { step: t, m, v } };
}

/** torch.optim.AdamW: θ ← θ·(1 − L·λ) first (decoupled weight decay), then Adam's step without weight decay. */
function adamw(params, grads, state, options, L) {
  const decayed = each((theta) => theta * (1 - L * options.weightDecay), params);
  return adam(decayed, grads, state, { ...options, weightDecay: 0 }, L);
}
const OPTIMIZERS = { sgd, adam, adamw };

/**
 * One step on the gradients: plain gradient descent θ − L·∇C when the request names no optimizer (the result has
 * no state then), else that optimizer's step from `state` (absent or null: fresh), returning the state after it.
 */
function descend(params, grads, L, optimizer, state) {
  if (optimizer === undefined) return { params: each((theta, g) => theta - L * g, params, grads) };
  const update = OPTIMIZERS[optimizer.name];
  if (update === undefined) throw requestError("unsupported", `optimizer "${optimizer.name}" is not offered`);
  return update(params, grads, state ?? null, { ...OPTIMIZER_DEFAULTS[optimizer.name], ...optimizer }, L);
}

/** An error nncheck reads as an error response: "unsupported" skips the check, "invalid_params" fails it. */
function requestError(code, message) {
  return Object.assign(new Error(message), { code });
}

function requireOffered(network) {
  for (const name of network.activations) {
    if (!(name in ACTIVATIONS)) throw requestError("unsupported", `activation "${name}" is not offered`);
  }
  if (!(network.cost in COSTS)) throw requestError("unsupported", `cost "${network.cost}" is not offered`);
  if (!REDUCTIONS.includes(network.reduction ?? "mean")) throw requestError("unsupported", `reduction "${network.reduction}" is not offered`);
}

// --- the Implementation nncheck calls ---------------------------------------------------------------
export default {
  async hello() {
    return {
      protocol: 1, name: "javascript example", language: "javascript", dtype: "float64",
      methods: ["forward", "gradients", "step", "train", "activation"], activations: Object.keys(ACTIVATIONS),
      costs: Object.keys(COSTS), reductions: REDUCTIONS, optimizers: Object.keys(OPTIMIZERS),
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
  async step({ network, params, inputs, targets, learningRate, optimizer, state }) {
    requireOffered(network);
    return descend(params, backwardProp(network, params, inputs, targets).grads, learningRate, optimizer, state);
  },
  async train({ network, params, inputs, targets, learningRate, order, optimizer, state }) {
    requireOffered(network);
    const costs = [];
    for (const s of order) { // one sample per step, the optimizer's state carried from step to step
      const { cost, grads } = backwardProp(network, params, [inputs[s]], [targets[s]]);
      costs.push(cost);
      ({ params, state } = descend(params, grads, learningRate, optimizer, state));
    }
    return optimizer === undefined ? { params, costs } : { params, costs, state };
  },
  async activation({ name, x }) {
    const activation = ACTIVATIONS[name];
    if (activation === undefined) throw requestError("unsupported", `activation "${name}" is not offered`);
    if (name === "softmax") { // x is one vector of logits; the derivative is the Jacobian ∂a_i/∂x_j = a_i(δ_ij − a_j)
      const a = softmax(x);
      return { value: a, derivative: a.map((ai, i) => a.map((aj, j) => (i === j ? ai * (1 - ai) : -ai * aj))) };
    }
    return { value: x.map(activation.f), derivative: x.map(activation.df) };
  },
};
