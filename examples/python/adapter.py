#!/usr/bin/env python3
"""A float64 numpy network for nncheck, only the math: nncheck_adapter.serve (beside this file) speaks protocol v1
(see README.md). Samples run down the columns, as in the seed chapter (layout="columns"): X is features x samples,
Z1 = W1 @ X + B1, A1 = relu(Z1), Z2 = W2 @ A1 + B2, A2 = logistic(Z2)."""
import numpy as np
from nncheck_adapter import serve

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

ACTIVATIONS = {
    "relu": (lambda z: np.where(z > 0, z, 0.0), lambda z: np.where(z > 0, 1.0, 0.0)),  # relu'(0) = 0
    "logistic": (logistic, d_logistic),
    "tanh": (np.tanh, d_tanh),
    "identity": (lambda z: z, np.ones_like),
}

# --- the network: params is [(W, B)], acts is [(f, df)], one per layer after the input --------------
def forward_prop(params, acts, X):
    """[(Z, A)] for every layer after the input; X is features x samples."""
    layers, A = [], X
    for (W, B), (f, _) in zip(params, acts):
        Z = W @ A + B
        A = f(Z)
        layers.append((Z, A))
    return layers
def backward_prop(params, acts, X, Y):
    """The cost C = mean over samples of sum((A - Y)**2), and [(dC_dW, dC_dB)] for every layer."""
    layers = forward_prop(params, acts, X)
    A_out, n = layers[-1][1], X.shape[1]
    cost = np.sum((A_out - Y) ** 2) / n
    dC_dA = 2 * (A_out - Y) / n
    grads = []
    for l in reversed(range(len(layers))):
        A_prev = layers[l - 1][1] if l > 0 else X
        delta = dC_dA * acts[l][1](layers[l][0])  # dC/dZ = dC/dA * dA/dZ
        grads.insert(0, (delta @ A_prev.T, delta.sum(axis=1, keepdims=True)))
        dC_dA = params[l][0].T @ delta
    return cost, grads
def descend(params, grads, L):
    return [(W - L * dW, B - L * dB) for (W, B), (dW, dB) in zip(params, grads)]  # gradient descent

# --- the methods nncheck calls: net.activations are names, the rest are float64 arrays, shapes checked ----------
def forward(net, params, X):
    return forward_prop(params, acts(net), X)
def gradients(net, params, X, Y):
    return backward_prop(params, acts(net), X, Y)
def step(net, params, X, Y, L):
    return descend(params, backward_prop(params, acts(net), X, Y)[1], L)
def train(net, params, X, Y, L, order):
    """SGD, one sample per step; the costs are each sample's cost before its step."""
    costs = []
    for i in order:
        cost, grads = backward_prop(params, acts(net), X[:, i:i + 1], Y[:, i:i + 1])
        costs.append(cost)
        params = descend(params, grads, L)
    return params, costs
def acts(net):
    return [ACTIVATIONS[a] for a in net.activations]

if __name__ == "__main__":
    serve(forward=forward, gradients=gradients, step=step, train=train, activations=ACTIVATIONS,
          costs=["squared_error"], dtype="float64", layout="columns", name="numpy example adapter", language="python")
