#!/usr/bin/env python3
"""A float64 numpy network speaking nncheck protocol v1: one JSON request per line on stdin, one response per
line on stdout (see README.md). Samples run down the columns, as in the seed chapter: X is features x samples,
Z1 = W1 @ X + B1, A1 = relu(Z1), Z2 = W2 @ A1 + B2, A2 = logistic(Z2)."""
import json
import sys
import numpy as np

METHODS = ["forward", "gradients", "step", "train", "activation"]

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

# --- requests: check and convert, then answer -----------------------------------------------------
class BadRequest(Exception):  # args: (error code, message)
    pass

def need(ok, message, code="invalid_params"):
    if not ok:
        raise BadRequest(code, message)
def floats(value, shape, name):  # nested lists of numbers -> float64 array of this shape
    try:
        a = np.array(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise BadRequest("invalid_params", f"{name} must be numbers shaped {shape}") from None
    need(a.shape == shape, f"{name} has shape {a.shape}, expected {shape}")
    return a
def network(p):
    """(params, acts, X, Y) from a request's network, params, inputs and targets (Y is None without targets)."""
    sizes, names = p["network"]["layers"], p["network"]["activations"]
    need(p["network"].get("cost") == "squared_error", "only cost 'squared_error' is offered", "unsupported")
    need(len(sizes) >= 2 and len(names) == len(sizes) - 1, "network needs one activation per layer after the input")
    need(all(a in ACTIVATIONS for a in names), f"activations {names} are not all offered", "unsupported")
    need(len(p["params"]) == len(names), "params needs one {W, b} per layer after the input")
    params = [(floats(q["W"], (sizes[l + 1], sizes[l]), f"params[{l}].W"),
               floats(q["b"], (sizes[l + 1],), f"params[{l}].b").reshape(-1, 1)) for l, q in enumerate(p["params"])]
    X = floats(p["inputs"], (len(p["inputs"]), sizes[0]), "inputs").T
    Y = floats(p["targets"], (X.shape[1], sizes[-1]), "targets").T if "targets" in p else None
    return params, [ACTIVATIONS[a] for a in names], X, Y
def wire_params(params):
    return [{"W": W, "b": B.ravel()} for W, B in params]

def answer(method, p):
    if method == "hello":
        need(p.get("protocol") == 1, f"protocol {p.get('protocol')!r} asked, this adapter speaks 1")
        return {"protocol": 1, "name": "numpy example adapter", "language": "python", "dtype": "float64",
                "methods": METHODS, "activations": list(ACTIVATIONS)}
    if method == "shutdown":
        return {}
    if method == "activation":
        need(p["name"] in ACTIVATIONS, f"activation {p['name']!r} is not offered", "unsupported")
        f, df = ACTIVATIONS[p["name"]]
        x = floats(p["x"], (len(p["x"]),), "x")
        return {"value": f(x), "derivative": df(x)}
    need(method in METHODS, f"method {method!r} is not offered", "unsupported")
    params, acts, X, Y = network(p)
    if method == "forward":
        return {"layers": [{"z": Z.T, "a": A.T} for Z, A in forward_prop(params, acts, X)]}
    need(Y is not None, "targets are missing")
    if method == "gradients":
        cost, grads = backward_prop(params, acts, X, Y)
        return {"cost": cost, "grads": wire_params(grads)}
    L = float(p["learningRate"])
    if method == "step":
        return {"params": wire_params(descend(params, backward_prop(params, acts, X, Y)[1], L))}
    costs = []
    for i in p["order"]:  # train: SGD, one sample per step
        need(isinstance(i, int) and 0 <= i < X.shape[1], f"order entry {i!r} is not a sample index")
        cost, grads = backward_prop(params, acts, X[:, i:i + 1], Y[:, i:i + 1])
        costs.append(cost)
        params = descend(params, grads, L)
    return {"params": wire_params(params), "costs": costs}

# --- the wire: non-finite numbers travel as the strings "NaN", "Infinity", "-Infinity" -------------
def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        return {k: decode(x) for k, x in v.items()}
    return float(v) if v in ("NaN", "Infinity", "-Infinity") else v
def encode(v):  # json.dumps writes -0.0 as -0.0 and other floats in shortest round-trip form
    if isinstance(v, (np.ndarray, list, tuple)):
        return [encode(x) for x in v]
    if isinstance(v, dict):
        return {k: encode(x) for k, x in v.items()}
    if isinstance(v, float) and not np.isfinite(v):
        return "NaN" if np.isnan(v) else "Infinity" if v > 0 else "-Infinity"
    return v

def main():
    for line in sys.stdin:
        request, error = None, None
        try:
            request = decode(json.loads(line))
            result = encode(answer(request["method"], request.get("params", {})))
        except BadRequest as e:
            error = {"code": e.args[0], "message": e.args[1]}
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:  # a malformed request
            error = {"code": "invalid_params", "message": f"{type(e).__name__}: {e}"}
        except Exception as e:  # a bug here must not kill the process
            error = {"code": "internal", "message": f"{type(e).__name__}: {e}"}
        response = {"id": request.get("id") if isinstance(request, dict) else None}
        response.update({"error": error} if error else {"result": result})
        print(json.dumps(response, allow_nan=False), flush=True)  # flush: nncheck is waiting for this line
        if not error and request["method"] == "shutdown":
            return

if __name__ == "__main__":
    main()
