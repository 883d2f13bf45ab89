#!/usr/bin/env python3
"""A PyTorch nn.Sequential under nncheck: the network is built from each request (Linear, activation, Linear, …),
its parameters copied in, and torch does the rest — autograd for the gradients, torch.optim.SGD, Adam and AdamW for
step and train (their state converted from and to nncheck's layout), its own losses for the costs (BCEWithLogits and
CrossEntropy take the logits, as PyTorch recommends).
nncheck_adapter.serve (beside this file) speaks the protocol. Samples are rows, as in PyTorch (layout="rows")."""
import torch
from torch import nn
from torch.nn import functional as F

from nncheck_adapter import Unsupported, serve

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)  # tiny networks: threads only cost here, and nncheck may run several adapters at once
MODULES = {
    "relu": nn.ReLU, "logistic": nn.Sigmoid, "tanh": nn.Tanh, "identity": nn.Identity,
    "leaky_relu": lambda: nn.LeakyReLU(0.01),
    # PyTorch's default threshold 20 returns x above it, an approximation (2e-9 off at 20.1) that nncheck fails on
    # |x| <= 30; above 40, x + ln(1 + e^-x) rounds to x in float64 anyway, so threshold=40 costs nothing.
    "softplus": lambda: nn.Softplus(threshold=40),
    "silu": nn.SiLU,
    "softmax": lambda: nn.Softmax(dim=-1),  # samples are rows: the softmax of each row
}


def build(net, params):
    """The nn.Sequential of `net` holding the request's parameters: W is (units, inputs), as nn.Linear's weight."""
    layers = []
    for (W, b), name in zip(params, net.activations):
        linear = nn.Linear(W.shape[1], W.shape[0])
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W))
            linear.bias.copy_(torch.from_numpy(b))
        layers += [linear, MODULES[name]()]
    return nn.Sequential(*layers)


def cost_of(net, model, X, Y):
    """The batch cost: the per-sample cost (summed over the outputs) reduced as net.reduction says. The cross-entropies
    take the output layer's logits z (model[:-1]), not the activations: torch's stable, fused losses."""
    divisor = {"mean": X.shape[0], "sum": 1, "mean_all": X.shape[0] * Y.shape[1]}[net.reduction]
    if net.cost == "binary_cross_entropy":
        return F.binary_cross_entropy_with_logits(model[:-1](X), Y, reduction="sum") / divisor
    if net.cost == "cross_entropy":
        return F.cross_entropy(model[:-1](X), Y, reduction="sum") / divisor  # Y: class probabilities (one-hot)
    half = 0.5 if net.cost == "half_squared_error" else 1.0
    return half * ((model(X) - Y) ** 2).sum() / divisor


def params_of(model):
    return [(linear.weight.detach(), linear.bias.detach()) for linear in model[0::2]]


def forward(net, params, X):
    model, a, layers = build(net, params), torch.from_numpy(X), []
    with torch.no_grad():
        for linear, f in zip(model[0::2], model[1::2]):
            z = linear(a)
            a = f(z)
            layers.append((z, a))
    return layers


def gradients(net, params, X, Y):
    model = build(net, params)
    cost = cost_of(net, model, torch.from_numpy(X), torch.from_numpy(Y))
    cost.backward()
    return cost.item(), [(linear.weight.grad, linear.bias.grad) for linear in model[0::2]]


# --- optimizers: torch.optim's own, their state converted from and to nncheck's wire layout -------------------
def optimizer_of(model, L, spec, state):
    """torch.optim.SGD, Adam or AdamW over the model's parameters (W1, b1, W2, …), holding `state` (nncheck's
    layout: every Params as [(W, b)]) as torch's per-parameter state; plain SGD when `spec` is None."""
    parameters = list(model.parameters())
    if spec is None:
        return torch.optim.SGD(parameters, lr=float(L))
    per_parameter = lambda pairs: [torch.from_numpy(x).clone() for pair in pairs for x in pair]
    if spec["name"] == "sgd":
        if spec["nesterov"] and (spec["momentum"] <= 0 or spec["dampening"] != 0):
            raise Unsupported("torch.optim.SGD takes Nesterov momentum only with momentum > 0 and dampening 0")
        optimizer = torch.optim.SGD(parameters, lr=float(L), momentum=float(spec["momentum"]), dampening=float(spec["dampening"]),
                                    nesterov=spec["nesterov"], weight_decay=float(spec["weightDecay"]))
        if state["momentumBuffer"] is not None and spec["momentum"] != 0:  # without momentum torch keeps no buffer
            for p, buffer in zip(parameters, per_parameter(state["momentumBuffer"])):
                optimizer.state[p]["momentum_buffer"] = buffer
        return optimizer
    Optimizer = torch.optim.Adam if spec["name"] == "adam" else torch.optim.AdamW
    optimizer = Optimizer(parameters, lr=float(L), betas=(float(spec["beta1"]), float(spec["beta2"])), eps=float(spec["epsilon"]),
                          weight_decay=float(spec["weightDecay"]))
    for p, m, v in zip(parameters, per_parameter(state["m"]), per_parameter(state["v"])):
        optimizer.state[p].update(step=torch.tensor(float(state["step"])), exp_avg=m, exp_avg_sq=v)
    return optimizer


def state_of(model, optimizer, spec):
    """torch's per-parameter state back in nncheck's layout: {"momentumBuffer": [(W, b)] | None} or {"step", "m", "v"}."""
    states = [optimizer.state[p] for p in model.parameters()]
    pairs = lambda key: [(states[l][key], states[l + 1][key]) for l in range(0, len(states), 2)]
    if spec["name"] == "sgd":
        return {"momentumBuffer": pairs("momentum_buffer") if states[0].get("momentum_buffer") is not None else None}
    return {"step": int(states[0]["step"].item()), "m": pairs("exp_avg"), "v": pairs("exp_avg_sq")}


def train(net, params, X, Y, L, order, spec=None, state=None):
    """The optimizer (torch.optim.SGD without one), one sample per step; costs[k] is the sample's cost before step k."""
    model = build(net, params)
    optimizer = optimizer_of(model, L, spec, state)
    X, Y, costs = torch.from_numpy(X), torch.from_numpy(Y), []
    for i in order:
        optimizer.zero_grad()
        cost = cost_of(net, model, X[i:i + 1], Y[i:i + 1])
        cost.backward()
        optimizer.step()
        costs.append(cost.item())
    return (params_of(model), costs) if spec is None else (params_of(model), costs, state_of(model, optimizer, spec))


def step(net, params, X, Y, L, spec=None, state=None):
    """One step of the optimizer (torch.optim.SGD without one) on the whole batch."""
    model = build(net, params)
    optimizer = optimizer_of(model, L, spec, state)
    cost_of(net, model, torch.from_numpy(X), torch.from_numpy(Y)).backward()
    optimizer.step()
    return params_of(model) if spec is None else (params_of(model), state_of(model, optimizer, spec))


def activation_of(module, layer=False):
    """(f, f') of an activation module, f' by autograd: the derivative torch itself uses in backward (for a layer
    activation, softmax, the whole Jacobian of the one vector x)."""
    def value(x):
        with torch.no_grad():
            return module(torch.from_numpy(x))

    def derivative(x):
        if layer:
            return torch.autograd.functional.jacobian(module, torch.from_numpy(x))
        t = torch.from_numpy(x).requires_grad_()
        module(t).sum().backward()
        return t.grad
    return value, derivative


if __name__ == "__main__":
    serve(forward=forward, gradients=gradients, step=step, train=train,
          activations={name: activation_of(module(), layer=name == "softmax") for name, module in MODULES.items()},
          costs=["squared_error", "half_squared_error", "binary_cross_entropy", "cross_entropy"],
          reductions=["mean", "sum", "mean_all"], optimizers=["sgd", "adam", "adamw"], dtype="float64", layout="rows",
          name="PyTorch nn.Sequential example",
          language=f"python (torch {torch.__version__})")
