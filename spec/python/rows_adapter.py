"""A test adapter on examples/python/nncheck_adapter.py: samples as rows, only forward and gradients written (the
helper derives step and train), a stray print in the math, and `python3 rows_adapter.py float32` for float32.
`python3 rows_adapter.py boom` raises from gradients (an `internal` error that must not end the process)."""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples", "python"))
from nncheck_adapter import Unsupported, serve  # noqa: E402

mode = sys.argv[1] if len(sys.argv) > 1 else "float64"


def logistic(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def d_logistic(z):
    e = np.exp(-np.abs(z))
    return e / (1 + e) ** 2


def d_tanh(z):
    t = np.exp(-2 * np.abs(z))
    return 4 * t / (1 + t) ** 2


ACTIVATIONS = {
    "relu": (lambda z: np.where(z > 0, z, 0 * z), lambda z: np.where(z > 0, 1 + 0 * z, 0 * z)),
    "logistic": (logistic, d_logistic),
    "tanh": (np.tanh, d_tanh),
    "identity": (lambda z: z, np.ones_like),
}


def forward(net, params, X):
    print("a stray print in forward")  # must reach stderr, not the protocol
    layers, A = [], X
    for (W, b), name in zip(params, net.activations):
        Z = A @ W.T + b
        A = ACTIVATIONS[name][0](Z)
        layers.append((Z, A))
    return layers


def gradients(net, params, X, Y):
    if mode == "boom":
        raise RuntimeError("boom in gradients")
    if X.shape[0] > 7:
        raise Unsupported("batches of more than 7 samples")
    layers = forward(net, params, X)
    n = X.shape[0]
    A_out = layers[-1][1]
    cost = np.sum((A_out - Y) ** 2) / n
    dC_dA = 2 * (A_out - Y) / n
    grads = []
    for l in reversed(range(len(layers))):
        A_prev = layers[l - 1][1] if l > 0 else X
        delta = dC_dA * ACTIVATIONS[net.activations[l]][1](layers[l][0])
        grads.insert(0, (delta.T @ A_prev, delta.sum(axis=0)))
        dC_dA = delta @ params[l][0]
    return cost, grads


serve(forward=forward, gradients=gradients, activations=ACTIVATIONS, dtype="float32" if mode == "float32" else "float64",
      name="rows test adapter")
