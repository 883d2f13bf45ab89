"""The seed chapter's Example 7-11 as printed (OCR restored as in examples/seed-port/publishedCode.ts), run by numpy
itself on the cases given on stdin, to check the TypeScript port against the real thing. Reads JSON
[{"params": ..., "x": [r, g, b], "y": y, "L": L}, ...] and writes the arrays backward_prop returns and the
parameters after one update."""
import json
import sys

import numpy as np

cases = json.load(sys.stdin)

# Activation functions
relu = lambda x: np.maximum(x, 0)
logistic = lambda x: 1 / (1 + np.exp(-x))

# Derivatives of Activation functions
d_relu = lambda x: x > 0
d_logistic = lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2


def forward_prop(X):
    Z1 = w_hidden @ X + b_hidden
    A1 = relu(Z1)
    Z2 = w_output @ A1 + b_output
    A2 = logistic(Z2)
    return Z1, A1, Z2, A2


def backward_prop(Z1, A1, Z2, A2, X, Y):
    dC_dA2 = 2 * A2 - 2 * Y
    dA2_dZ2 = d_logistic(Z2)
    dZ2_dA1 = w_output
    dZ2_dW2 = A1
    dZ2_dB2 = 1
    dA1_dZ1 = d_relu(Z1)
    dZ1_dW1 = X
    dZ1_dB1 = 1

    dC_dW2 = dC_dA2 @ dA2_dZ2 @ dZ2_dW2.T
    dC_dB2 = dC_dA2 @ dA2_dZ2 * dZ2_dB2

    dC_dA1 = dC_dA2 @ dA2_dZ2 @ dZ2_dA1
    dC_dW1 = dC_dA1 @ dA1_dZ1 @ dZ1_dW1.T
    dC_dB1 = dC_dA1 @ dA1_dZ1 * dZ1_dB1

    return dC_dW1, dC_dB1, dC_dW2, dC_dB2


out = []
with np.errstate(over="ignore", invalid="ignore"):
    for case in cases:
        (hidden, output) = case["params"]
        w_hidden = np.array(hidden["W"], dtype=float)
        b_hidden = np.array(hidden["b"], dtype=float).reshape(3, 1)
        w_output = np.array(output["W"], dtype=float)
        b_output = np.array(output["b"], dtype=float).reshape(1, 1)
        L = case["L"]
        X_sample = np.array([case["x"]], dtype=float).transpose()
        Y_sample = np.array([case["y"]], dtype=float)  # Y_train[idx]: shape (1,)
        Z1, A1, Z2, A2 = forward_prop(X_sample)
        dW1, dB1, dW2, dB2 = backward_prop(Z1, A1, Z2, A2, X_sample, Y_sample)
        # update weights and biases
        w_hidden -= L * dW1
        b_hidden -= L * dB1
        w_output -= L * dW2
        b_output -= L * dB2
        out.append({
            "dW1": dW1.tolist(), "dB1": dB1.tolist(), "dW2": dW2.tolist(), "dB2": dB2.tolist(),
            "params": [{"W": w_hidden.tolist(), "b": b_hidden.ravel().tolist()}, {"W": w_output.tolist(), "b": b_output.ravel().tolist()}],
            "d_logistic": [v if np.isfinite(v) else {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}[str(v)] for v in d_logistic(np.array(case.get("z", []), dtype=float)).tolist()],
        })
json.dump(out, sys.stdout)
