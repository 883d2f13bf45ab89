#!/usr/bin/env python3
"""A PyTorch nn.Sequential under nncheck: the network is built from each request (Linear, activation, Linear, …),
its parameters copied in, and torch does the rest — autograd for the gradients, torch.optim.SGD for step and train,
its own losses for the costs (BCEWithLogits and CrossEntropy take the logits, as PyTorch recommends).
nncheck_adapter.serve (beside this file) speaks the protocol. Samples are rows, as in PyTorch (layout="rows")."""
import torch
from torch import nn
from torch.nn import functional as F

from nncheck_adapter import serve

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


def train(net, params, X, Y, L, order):
    """torch.optim.SGD, one sample per step; costs[k] is the sample's cost before step k."""
    model = build(net, params)
    optimizer = torch.optim.SGD(model.parameters(), lr=float(L))
    X, Y, costs = torch.from_numpy(X), torch.from_numpy(Y), []
    for i in order:
        optimizer.zero_grad()
        cost = cost_of(net, model, X[i:i + 1], Y[i:i + 1])
        cost.backward()
        optimizer.step()
        costs.append(cost.item())
    return params_of(model), costs


def step(net, params, X, Y, L):
    """One step of torch.optim.SGD on the whole batch."""
    model = build(net, params)
    optimizer = torch.optim.SGD(model.parameters(), lr=float(L))
    cost_of(net, model, torch.from_numpy(X), torch.from_numpy(Y)).backward()
    optimizer.step()
    return params_of(model)


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
          reductions=["mean", "sum", "mean_all"], dtype="float64", layout="rows", name="PyTorch nn.Sequential example",
          language=f"python (torch {torch.__version__})")
