#!/usr/bin/env python3
"""A PyTorch nn.Sequential under nncheck: the network is built from each request (Linear, activation, Linear, …),
its parameters copied in, and torch does the rest — autograd for the gradients, torch.optim.SGD for step and train.
nncheck_adapter.serve (beside this file) speaks the protocol. Samples are rows, as in PyTorch (layout="rows")."""
import torch
from torch import nn

from nncheck_adapter import serve

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)  # tiny networks: threads only cost here, and nncheck may run several adapters at once
MODULES = {"relu": nn.ReLU, "logistic": nn.Sigmoid, "tanh": nn.Tanh, "identity": nn.Identity}


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


def cost_of(model, X, Y):
    """C = mean over samples of sum over outputs of (a - y)², the seed's (A2 - Y)² for one sample."""
    return ((model(X) - Y) ** 2).sum(dim=1).mean()


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
    cost = cost_of(model, torch.from_numpy(X), torch.from_numpy(Y))
    cost.backward()
    return cost.item(), [(linear.weight.grad, linear.bias.grad) for linear in model[0::2]]


def train(net, params, X, Y, L, order):
    """torch.optim.SGD, one sample per step; costs[k] is the sample's cost before step k."""
    model = build(net, params)
    optimizer = torch.optim.SGD(model.parameters(), lr=float(L))
    X, Y, costs = torch.from_numpy(X), torch.from_numpy(Y), []
    for i in order:
        optimizer.zero_grad()
        cost = cost_of(model, X[i:i + 1], Y[i:i + 1])
        cost.backward()
        optimizer.step()
        costs.append(cost.item())
    return params_of(model), costs


def step(net, params, X, Y, L):
    """One step of torch.optim.SGD on the whole batch."""
    model = build(net, params)
    optimizer = torch.optim.SGD(model.parameters(), lr=float(L))
    cost_of(model, torch.from_numpy(X), torch.from_numpy(Y)).backward()
    optimizer.step()
    return params_of(model)


def activation_of(module):
    """(f, f') of an activation module, f' by autograd: the derivative torch itself uses in backward."""
    def value(x):
        with torch.no_grad():
            return module(torch.from_numpy(x))

    def derivative(x):
        t = torch.from_numpy(x).requires_grad_()
        module(t).sum().backward()
        return t.grad
    return value, derivative


if __name__ == "__main__":
    serve(forward=forward, gradients=gradients, step=step, train=train,
          activations={name: activation_of(module()) for name, module in MODULES.items()},
          costs=["squared_error"], dtype="float64", layout="rows", name="PyTorch nn.Sequential example",
          language=f"python (torch {torch.__version__})")
