"""nncheck protocol v1 in one function, so that an adapter is only the math (see README.md beside this file).

    from nncheck_adapter import serve
    serve(forward=my_forward, gradients=my_gradients, activations={"relu": (relu, d_relu)}, dtype="float64")

`serve` reads one JSON request per line on stdin and writes one response per line on stdout, flushed. It does the
whole protocol: `hello` (from the arguments), `shutdown`, an unsupported method, the NaN/±Infinity strings and −0,
the error codes, and checking a request's shapes before your functions see it. Your functions get numpy arrays of
`dtype` and return numpy arrays (or anything with `.tolist()`, or nested lists of numbers):

    forward(net, params, X)            -> [(Z, A)] for every layer after the input
    gradients(net, params, X, Y)       -> (cost, [(dC_dW, dC_db)])
    step(net, params, X, Y, L)         -> [(W, b)]           optional: derived from gradients when absent
    train(net, params, X, Y, L, order) -> ([(W, b)], costs)  optional: SGD on gradients when absent

With `optimizers=["sgd", "adam", "adamw"]` (the names you offer), a request naming an optimizer calls
`step(..., L, optimizer, state) -> ([(W, b)], state)` and `train(..., order, optimizer, state) -> ([(W, b)], costs,
state)`: `optimizer` is the request's dict with PyTorch's defaults filled in, `state` the state before the request
with every Params in it as [(W, b)] (fresh: {"momentumBuffer": None}, or {"step": 0, "m": zeros, "v": zeros}).

`net` has `.layers`, `.activations` (names), `.cost`, `.reduction` ("mean" when the request leaves it out) and `.spec`
(the request's network as sent); `params` is
[(W, b)], one per layer after the input, W shaped (units, inputs). With layout="rows" (the default, PyTorch's
way) X is samples x features, b has shape (units,) and every Z, A is samples x units; with layout="columns" (the
seed chapter's way: Z1 = W1 @ X + B1) X is features x samples, b is a column (units, 1) and Z, A are units x
samples. Raise `Unsupported("...")` for something you do not offer, `InvalidParams("...")` for a malformed
request; any other exception becomes an `internal` (or `invalid_params`) error and the adapter goes on.

While `serve` runs, `print` goes to stderr: stdout is nncheck's, and a stray line there would be a protocol error.
Needs only Python 3 and numpy.
"""
import json
import sys

import numpy as np

__all__ = ["serve", "Network", "AdapterError", "Unsupported", "InvalidParams"]
PROTOCOL = 1
# The optimizers a request may name, with PyTorch's defaults for the fields it leaves out (nncheck sends them all).
OPTIMIZER_DEFAULTS = {
    "sgd": {"momentum": 0, "dampening": 0, "nesterov": False, "weightDecay": 0},
    "adam": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0},
    "adamw": {"beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weightDecay": 0.01},
}


class AdapterError(Exception):
    """An error answered to nncheck with this code (`unsupported`, `invalid_params` or `internal`)."""
    code = "internal"

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code or type(self).code


class Unsupported(AdapterError):
    """Something this adapter does not offer: nncheck skips the checks that need it."""
    code = "unsupported"


class InvalidParams(AdapterError):
    """A malformed request."""
    code = "invalid_params"


class Network:
    """A request's network: `layers` (widths, inputs first), `activations` (names), `cost`, `reduction`, and `spec` as sent."""

    def __init__(self, spec):
        self.spec = spec
        self.layers = list(spec["layers"])
        self.activations = list(spec["activations"])
        self.cost = spec.get("cost")
        self.reduction = spec.get("reduction", "mean")

    def __repr__(self):
        return f"Network(layers={self.layers}, activations={self.activations}, cost={self.cost!r}, reduction={self.reduction!r})"


def serve(forward, gradients=None, step=None, train=None, *, activations, costs=("squared_error",),
          reductions=("mean",), dtype="float64", layout="rows", name="python adapter", language="python",
          networks=None, optimizers=None, stdin=None, stdout=None):
    """Answers nncheck's requests on `stdin` until `shutdown` or the end of input.

    activations: {name: (f, df)}, f and f' of an array, elementwise: the names you offer, and the answers to the
    `activation` method (a list of names instead: offered in networks, but no `activation` method); for "softmax",
    f maps a vector of logits to a vector and df to its Jacobian (a matrix). costs and reductions: the cost and
    reduction names your gradients compute (network.cost, network.reduction). networks: the only shapes you
    offer, as [{"layers": [...], "activations": [...]}] (None: any). The methods offered follow from what you
    pass: forward, then gradients, step and train when gradients (or step, train) are given, and activation.
    optimizers: the optimizer names your step and train take (None: plain gradient descent only; then both must be
    your own, the derived ones do only plain gradient descent).
    """
    if dtype not in ("float64", "float32"):
        raise ValueError(f"dtype must be 'float64' or 'float32', not {dtype!r}")
    if layout not in ("rows", "columns"):
        raise ValueError(f"layout must be 'rows' or 'columns', not {layout!r}")
    handlers = {"forward": forward, "gradients": gradients,
                "step": step or (gradients and _step_from(gradients)),
                "train": train or (gradients and _train_from(gradients, layout))}
    handlers = {m: f for m, f in handlers.items() if f is not None}
    if optimizers is not None and not (step and train and set(optimizers) <= set(OPTIMIZER_DEFAULTS)):
        raise ValueError(f"optimizers must name some of {', '.join(OPTIMIZER_DEFAULTS)}, with step and train of your own")
    offers_activation = isinstance(activations, dict) and all(v is not None for v in activations.values())
    hello = {"protocol": PROTOCOL, "name": name, "language": language, "dtype": dtype,
             "methods": [*handlers, *(["activation"] if offers_activation else [])], "activations": list(activations),
             "costs": list(costs), "reductions": list(reductions)}
    if networks is not None:
        hello["networks"] = networks
    if optimizers is not None:
        hello["optimizers"] = list(optimizers)
    if offers_activation:
        handlers["activation"] = dict(activations)
    server = _Server(handlers, list(activations), tuple(costs), tuple(reductions), np.dtype(dtype), layout, hello)
    out = stdout or sys.stdout
    saved, sys.stdout = sys.stdout, sys.stderr  # a stray print goes to stderr, not into the protocol
    try:
        server.run(stdin or sys.stdin, out)
    except (BrokenPipeError, KeyboardInterrupt):  # nncheck went away: nothing left to answer
        pass
    finally:
        sys.stdout = saved


# --- step and train from gradients: plain gradient descent, one sample per step in train -------------------
def _descend(params, grads, L):
    return [(W - L * dW, b - L * db) for (W, b), (dW, db) in zip(params, grads)]


def _step_from(gradients):
    def step(net, params, X, Y, L):
        return _descend(params, gradients(net, params, X, Y)[1], L)
    return step


def _train_from(gradients, layout):
    def train(net, params, X, Y, L, order):
        costs = []
        for i in order:
            x, y = (X[i:i + 1], Y[i:i + 1]) if layout == "rows" else (X[:, i:i + 1], Y[:, i:i + 1])
            cost, grads = gradients(net, params, x, y)
            costs.append(cost)
            params = _descend(params, grads, L)
        return params, costs
    return train


# --- the server: requests in, checked and converted; results out, encoded --------------------------------
class _Server:
    def __init__(self, handlers, activations, costs, reductions, dtype, layout, hello):
        self.handlers, self.activations, self.costs, self.reductions = handlers, activations, costs, reductions
        self.dtype, self.layout, self.hello = dtype, layout, hello

    def run(self, stdin, stdout):
        for line in stdin:
            request, error, result = None, None, None
            try:
                request = _decode(json.loads(line))
                result = _encode(self.answer(request["method"], request.get("params", {})))
            except AdapterError as e:
                error = {"code": e.code, "message": str(e)}
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:  # a malformed request
                error = {"code": "invalid_params", "message": f"{type(e).__name__}: {e}"}
            except Exception as e:  # a bug in the math must not kill the process
                error = {"code": "internal", "message": f"{type(e).__name__}: {e}"}
            response = {"id": request.get("id") if isinstance(request, dict) else None}
            response.update({"error": error} if error else {"result": result})
            stdout.write(json.dumps(response, allow_nan=False) + "\n")
            stdout.flush()  # nncheck is waiting for this line
            if not error and request["method"] == "shutdown":
                return

    def answer(self, method, p):
        if method == "hello":
            _need(p.get("protocol") == PROTOCOL, f"protocol {p.get('protocol')!r} asked, this adapter speaks {PROTOCOL}")
            return self.hello
        if method == "shutdown":
            return {}
        if method not in self.handlers:
            raise Unsupported(f"method {method!r} is not offered")
        if method == "activation":
            return self.activation(p)
        net, params, X, Y = self.network(p, needs_targets=method != "forward")
        f = self.handlers[method]
        if method == "forward":
            return {"layers": [{"z": self.samples_first(Z), "a": self.samples_first(A)} for Z, A in f(net, params, X)]}
        if method == "gradients":
            cost, grads = f(net, params, X, Y)
            return {"cost": cost, "grads": self.wire_params(grads)}
        L = self.dtype.type(p["learningRate"])
        optimizer = self.optimizer(p.get("optimizer"))
        extra = () if optimizer is None else (optimizer, self.state(optimizer["name"], p.get("state"), params, net))
        if method == "step":
            if optimizer is None:
                return {"params": self.wire_params(f(net, params, X, Y, L))}
            new_params, state = f(net, params, X, Y, L, *extra)
            return {"params": self.wire_params(new_params), "state": self.wire_state(state)}
        order = p["order"]
        _need(isinstance(order, list), "order must be a list of sample indices")
        n = X.shape[0] if self.layout == "rows" else X.shape[1]
        for i in order:
            _need(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < n, f"order entry {i!r} is not a sample index")
        trained = f(net, params, X, Y, L, order, *extra)
        if optimizer is not None:
            new_params, costs, state = trained
            return {"params": self.wire_params(new_params), "costs": costs, "state": self.wire_state(state)}
        new_params, costs = trained if isinstance(trained, tuple) else (trained, None)
        return {"params": self.wire_params(new_params), **({"costs": costs} if costs is not None else {})}

    def activation(self, p):
        name = p["name"]
        _need(isinstance(name, str) and name in self.activations, f"activation {name!r} is not offered", Unsupported)
        f, df = self.handlers["activation"][name]
        x = self.floats(p["x"], (len(p["x"]),), "x")
        return {"value": f(x), "derivative": df(x)}

    def network(self, p, needs_targets):
        """(net, params, X, Y) from a request, its shapes checked; Y is None for forward."""
        spec = p["network"]
        net = Network(spec)
        sizes, names = net.layers, net.activations
        _need(net.cost in self.costs, f"cost {net.cost!r} is not offered (only {', '.join(self.costs)})", Unsupported)
        _need(net.reduction in self.reductions, f"reduction {net.reduction!r} is not offered (only {', '.join(self.reductions)})", Unsupported)
        _need(len(sizes) >= 2 and len(names) == len(sizes) - 1, "network needs one activation per layer after the input")
        _need(all(isinstance(a, str) and a in self.activations for a in names), f"activations {names} are not all offered", Unsupported)
        if self.hello.get("networks") is not None:
            offered = [(s["layers"], s["activations"]) for s in self.hello["networks"]]
            _need((sizes, names) in offered, f"network {sizes} {names} is not offered", Unsupported)
        params = self.params(p["params"], sizes, "params")
        X = self.floats(p["inputs"], (len(p["inputs"]), sizes[0]), "inputs")
        Y = None
        if needs_targets:
            _need("targets" in p, "targets are missing")
            Y = self.floats(p["targets"], (X.shape[0], sizes[-1]), "targets")
        return (net, params, X.T, None if Y is None else Y.T) if self.layout == "columns" else (net, params, X, Y)

    def params(self, value, sizes, name):
        """Wire Params -> [(W, b)] of the network's shapes (b a column in the columns layout)."""
        _need(isinstance(value, list) and len(value) == len(sizes) - 1, f"{name} needs one {{W, b}} per layer after the input")
        columns, params = self.layout == "columns", []
        for l, q in enumerate(value):
            _need(isinstance(q, dict), f"{name}[{l}] must be an object {{W, b}}")
            W = self.floats(q["W"], (sizes[l + 1], sizes[l]), f"{name}[{l}].W")
            b = self.floats(q["b"], (sizes[l + 1],), f"{name}[{l}].b")
            params.append((W, b.reshape(-1, 1) if columns else b))
        return params

    def optimizer(self, spec):
        """The request's optimizer with PyTorch's defaults filled in, numbers of the adapter's dtype (None: plain SGD)."""
        if spec is None:
            return None
        _need(isinstance(spec, dict) and spec.get("name") in OPTIMIZER_DEFAULTS, f"optimizer {spec!r} is not one of {', '.join(OPTIMIZER_DEFAULTS)}")
        offered = self.hello.get("optimizers", [])
        _need(spec["name"] in offered, f"optimizer {spec['name']!r} is not offered" + (f" (only {', '.join(offered)})" if offered else ""), Unsupported)
        optimizer = {"name": spec["name"]}
        for field, default in OPTIMIZER_DEFAULTS[spec["name"]].items():
            value = spec.get(field, default)
            kind = bool if isinstance(default, bool) else (int, float)
            _need(isinstance(value, kind) and (kind is bool or not isinstance(value, bool)), f"optimizer.{field} must be a {'boolean' if kind is bool else 'number'}, not {value!r}")
            optimizer[field] = value if kind is bool else self.dtype.type(value)
        return optimizer

    def state(self, name, spec, params, net):
        """The optimizer state before the request, its Params as [(W, b)]; fresh (PyTorch's first step) when absent or null."""
        if name == "sgd":
            buffer = None if spec is None else spec.get("momentumBuffer")
            return {"momentumBuffer": None if buffer is None else self.params(buffer, net.layers, "state.momentumBuffer")}
        if spec is None:
            zeros = [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]
            return {"step": 0, "m": zeros, "v": [(np.zeros_like(W), np.zeros_like(b)) for W, b in params]}
        step = spec.get("step")
        _need(isinstance(step, int) and not isinstance(step, bool) and step >= 0, f"state.step must be an integer >= 0, not {step!r}")
        v = self.params(spec.get("v"), net.layers, "state.v")
        _need(all(np.all(x >= 0) for layer in v for x in layer), "state.v must have no negative entry")
        return {"step": step, "m": self.params(spec.get("m"), net.layers, "state.m"), "v": v}

    def wire_state(self, state):
        """An optimizer state -> JSON: every [(W, b)] in it to wire Params."""
        return {k: self.wire_params(v) if isinstance(v, list) else v for k, v in state.items()}

    def floats(self, value, shape, name):
        """Nested lists of numbers -> an array of the adapter's dtype, of exactly this shape."""
        try:
            a = np.array(value, dtype=self.dtype)
        except (TypeError, ValueError):
            raise InvalidParams(f"{name} must be numbers shaped {shape}") from None
        _need(a.shape == shape, f"{name} has shape {a.shape}, expected {shape}")
        return a

    def samples_first(self, M):
        return M if self.layout == "rows" else _transpose(M)

    def wire_params(self, params):
        return [{"W": W, "b": _ravel(b)} for W, b in params]


def _need(ok, message, error=InvalidParams):
    if not ok:
        raise error(message)


def _transpose(M):
    return M.T if hasattr(M, "T") else np.asarray(M).T


def _ravel(b):
    return b.ravel() if hasattr(b, "ravel") else b


# --- the wire: non-finite numbers travel as the strings "NaN", "Infinity", "-Infinity" --------------------
_NON_FINITE = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def _decode(v):
    if isinstance(v, list):
        return [_decode(x) for x in v]
    if isinstance(v, dict):
        return {k: _decode(x) for k, x in v.items()}
    return _NON_FINITE[v] if isinstance(v, str) and v in _NON_FINITE else v


def _encode(v):
    """Results -> plain JSON: arrays and tensors (anything with .tolist()) to lists, non-finite floats to strings.
    json.dumps then writes -0.0 as -0.0 and every other float in shortest round-trip form (bit for bit)."""
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        v = v.tolist()  # numpy arrays and scalars (float32 too), torch tensors: Python floats, exact
    if isinstance(v, (list, tuple)):
        return [_encode(x) for x in v]
    if isinstance(v, dict):
        return {k: _encode(x) for k, x in v.items()}
    if isinstance(v, float) and v != v:
        return "NaN"
    if isinstance(v, float) and v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return v
