#!/usr/bin/env python3
"""A float64 numpy network for nncheck, only the math: nncheck_adapter.serve (beside this file) speaks protocol v1
(see README.md). Samples run down the columns, as in the seed chapter (layout="columns"): X is features x samples,
Z1 = W1 @ X + B1, A1 = relu(Z1), Z2 = W2 @ A1 + B2, A2 = logistic(Z2)."""
import numpy as np
from nncheck_adapter import InvalidParams, serve

# --- activations: f and f' side by side, finite and accurate for every finite input -----------------
def logistic(z):
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
def d_logistic(z):
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2  # = logistic(z) * (1 - logistic(z)), without cancellation
def d_tanh(z):
    t = np.exp(-2 * np.abs(z))
    return 4 * t / (1 + t) ** 2  # = 1 - tanh(z)**2, accurate for large |z|
def softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))  # = ln(1 + e^z), softplus(800) = 800
def softmax(Z):
    E = np.exp(Z - Z.max(axis=0))  # subtract the max of each column (sample): softmax([1000, 0]) = [1, 0]
    return E / E.sum(axis=0)
def d_softmax(x):
    a = softmax(x)  # for the activation method: one vector of logits, its Jacobian da_i/dx_j = a_i (delta_ij - a_j)
    return np.diag(a) - np.outer(a, a)

ACTIVATIONS = {
    "relu": (lambda z: np.where(z > 0, z, 0.0), lambda z: np.where(z > 0, 1.0, 0.0)),  # relu'(0) = 0
    "logistic": (logistic, d_logistic),
    "tanh": (np.tanh, d_tanh),
    "identity": (lambda z: z, np.ones_like),
    "leaky_relu": (lambda z: np.where(z > 0, z, 0.01 * z), lambda z: np.where(z > 0, 1.0, 0.01)),  # leaky_relu'(0) = 0.01
    "softplus": (softplus, logistic),
    "silu": (lambda z: z * logistic(z), lambda z: logistic(z) * (1 + z * logistic(-z))),  # 1 - logistic(z) as logistic(-z)
    "softmax": (softmax, d_softmax),  # the output layer only: backward takes its Jacobian product (below)
}

# --- costs: per sample, summed over the outputs; dC/dZ of the output layer -------------------------------
def output_delta(cost, name, Z, A, Y):
    """The per-sample cost (summed) and dc/dZ of the output layer, before the batch reduction."""
    needs = {"binary_cross_entropy": "logistic", "cross_entropy": "softmax"}.get(cost, name)
    if name != needs:
        raise InvalidParams(f"cost {cost!r} needs a {needs} output layer, not {name!r}")
    if cost == "binary_cross_entropy":  # on a logistic output: -[y ln a + (1 - y) ln(1 - a)] = softplus(z) - y z
        return np.sum(softplus(Z) - Y * Z), A - Y
    if cost == "cross_entropy":  # on a softmax output: -sum y ln a with ln a = z - logsumexp(z), and dc/dz = a - y
        log_a = Z - Z.max(axis=0) - np.log(np.exp(Z - Z.max(axis=0)).sum(axis=0))
        return -np.sum(Y * log_a), A * Y.sum(axis=0) - Y
    k = 0.5 if cost == "half_squared_error" else 1.0
    cost_sum, dC_dA = k * np.sum((A - Y) ** 2), 2 * k * (A - Y)
    if name == "softmax":  # the Jacobian product a * (g - sum(a g)), column by column
        return cost_sum, A * (dC_dA - np.sum(A * dC_dA, axis=0))
    return cost_sum, dC_dA * ACTIVATIONS[name][1](Z)

def divisor(net, n):
    """mean: over the n samples; sum: 1; mean_all: over the n samples and every output."""
    return {"mean": n, "sum": 1, "mean_all": n * net.layers[-1]}[net.reduction]

# --- the network: params is [(W, B)], one per layer after the input ---------------------------------------
def forward_prop(params, names, X):
    """[(Z, A)] for every layer after the input; X is features x samples."""
    layers, A = [], X
    for (W, B), name in zip(params, names):
        Z = W @ A + B
        A = ACTIVATIONS[name][0](Z)
        layers.append((Z, A))
    return layers
def backward_prop(net, params, X, Y):
    """The batch cost C (the per-sample costs reduced as net.reduction says), and [(dC_dW, dC_dB)] for every layer."""
    layers = forward_prop(params, net.activations, X)
    d = divisor(net, X.shape[1])
    cost_sum, delta = output_delta(net.cost, net.activations[-1], *layers[-1], Y)
    delta = delta / d
    grads = []
    for l in reversed(range(len(layers))):
        A_prev = layers[l - 1][1] if l > 0 else X
        grads.insert(0, (delta @ A_prev.T, delta.sum(axis=1, keepdims=True)))
        if l > 0:
            delta = (params[l][0].T @ delta) * ACTIVATIONS[net.activations[l - 1]][1](layers[l - 1][0])  # dC/dZ = dC/dA * dA/dZ
    return cost_sum / d, grads
def descend(params, grads, L):
    return [(W - L * dW, B - L * dB) for (W, B), (dW, dB) in zip(params, grads)]  # gradient descent

# --- optimizers: PyTorch's update rules (torch.optim.SGD, Adam, AdamW); params, grads, m, v, B are [(W, B)] ------
def each(f, *sets):
    """f applied entry by entry to parameter-shaped lists [(W, B)]: [(f(W, W', ...), f(B, B', ...))]."""
    return [tuple(f(*arrays) for arrays in zip(*layers)) for layers in zip(*sets)]
def sgd(params, grads, state, opt, L):
    """g <- g + lambda theta; B <- g at first, then mu B + (1 - d) g; g <- g + mu B (Nesterov) or B; theta <- theta - L g."""
    mu, d, lam = opt["momentum"], opt["dampening"], opt["weightDecay"]
    g = each(lambda dC, theta: dC + lam * theta, grads, params) if lam != 0 else grads
    if mu == 0:
        return each(lambda theta, gi: theta - L * gi, params, g), {"momentumBuffer": None}
    B0 = state["momentumBuffer"]
    B = g if B0 is None else each(lambda Bi, gi: mu * Bi + (1 - d) * gi, B0, g)
    update = each(lambda gi, Bi: gi + mu * Bi, g, B) if opt["nesterov"] else B
    return each(lambda theta, u: theta - L * u, params, update), {"momentumBuffer": B}
def adam(params, grads, state, opt, L):
    """g <- g + lambda theta; t <- t + 1; m <- b1 m + (1 - b1) g; v <- b2 v + (1 - b2) g^2; theta <- theta - L m_hat / (sqrt(v_hat) + eps)."""
    b1, b2, eps, lam = opt["beta1"], opt["beta2"], opt["epsilon"], opt["weightDecay"]
    g = each(lambda dC, theta: dC + lam * theta, grads, params) if lam != 0 else grads
    t = state["step"] + 1
    m = each(lambda mi, gi: b1 * mi + (1 - b1) * gi, state["m"], g)
    v = each(lambda vi, gi: b2 * vi + (1 - b2) * gi * gi, state["v"], g)
    c1, c2 = 1 - b1 ** t, 1 - b2 ** t  # the bias corrections: m_hat = m / c1, v_hat = v / c2
    return each(lambda theta, mi, vi: theta - L * (mi / c1) / (np.sqrt(vi / c2) + eps), params, m, v), {"step": t, "m": m, "v": v}
def adamw(params, grads, state, opt, L):
    """theta <- theta (1 - L lambda) first (decoupled weight decay), then Adam's step without weight decay."""
    decayed = each(lambda theta: theta * (1 - L * opt["weightDecay"]), params)
    return adam(decayed, grads, state, {**opt, "weightDecay": 0}, L)
OPTIMIZERS = {"sgd": sgd, "adam": adam, "adamw": adamw}

# --- the methods nncheck calls: net.activations are names, the rest are float64 arrays, shapes checked ----------
def forward(net, params, X):
    return forward_prop(params, net.activations, X)
def gradients(net, params, X, Y):
    return backward_prop(net, params, X, Y)
def step(net, params, X, Y, L, optimizer=None, state=None):
    """Gradient descent, or with an optimizer its step from state: (params, the state after it)."""
    grads = backward_prop(net, params, X, Y)[1]
    if optimizer is None:
        return descend(params, grads, L)
    return OPTIMIZERS[optimizer["name"]](params, grads, state, optimizer, L)
def train(net, params, X, Y, L, order, optimizer=None, state=None):
    """One sample per step, the optimizer's state carried from step to step; the costs are each sample's cost before its step."""
    costs = []
    for i in order:
        cost, grads = backward_prop(net, params, X[:, i:i + 1], Y[:, i:i + 1])
        costs.append(cost)
        if optimizer is None:
            params = descend(params, grads, L)
        else:
            params, state = OPTIMIZERS[optimizer["name"]](params, grads, state, optimizer, L)
    return (params, costs) if optimizer is None else (params, costs, state)

if __name__ == "__main__":
    serve(forward=forward, gradients=gradients, step=step, train=train, activations=ACTIVATIONS,
          costs=["squared_error", "half_squared_error", "binary_cross_entropy", "cross_entropy"],
          reductions=["mean", "sum", "mean_all"], optimizers=list(OPTIMIZERS), dtype="float64", layout="columns",
          name="numpy example adapter", language="python")
