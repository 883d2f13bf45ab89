#!/usr/bin/env python3
"""An independent check for the Python adapter: answers protocol requests (JSON on stdin: a list of {"method",
"params"}) for forward, gradients, step, train or activation in 60-digit decimal arithmetic, starting from the
exact binary values of the float64 inputs, and writes the list of results with decimal strings for numbers.
Plain loops over lists, no numpy, nothing shared with examples/python/adapter.py."""
import json
import sys
from decimal import Decimal, getcontext

getcontext().prec = 60
ONE, ZERO = Decimal(1), Decimal(0)


def f(name, z):
    if name == "relu":
        return z if z > 0 else ZERO
    if name == "logistic":
        return ONE / (ONE + (-z).exp())
    if name == "tanh":
        if abs(z) < Decimal("1e-15"):
            return z - z ** 3 / 3  # the formula below would cancel to 0
        return ONE - 2 / ((2 * z).exp() + ONE)
    return z


def df(name, z):
    if name == "relu":
        return ONE if z > 0 else ZERO
    if name == "logistic":
        return (-z).exp() / (ONE + (-z).exp()) ** 2
    if name == "tanh":
        return ONE - f("tanh", z) ** 2
    return ONE


def forward(Ws, bs, acts, x):
    """z and a of every layer for one sample x, a[0] = x."""
    a_s, z_s = [x], []
    for W, b, act in zip(Ws, bs, acts):
        z = [sum((w * a for w, a in zip(row, a_s[-1])), ZERO) + bi for row, bi in zip(W, b)]
        z_s.append(z)
        a_s.append([f(act, zi) for zi in z])
    return z_s, a_s


def gradients(Ws, bs, acts, inputs, targets):
    n = len(inputs)
    cost = ZERO
    dWs = [[[ZERO for _ in row] for row in W] for W in Ws]
    dbs = [[ZERO for _ in b] for b in bs]
    for x, y in zip(inputs, targets):
        z_s, a_s = forward(Ws, bs, acts, x)
        err = [a - t for a, t in zip(a_s[-1], y)]
        cost += sum((e * e for e in err), ZERO) / n
        dC_da = [2 * e / n for e in err]
        for l in reversed(range(len(Ws))):
            delta = [g * df(acts[l], z) for g, z in zip(dC_da, z_s[l])]
            for i, d in enumerate(delta):
                dbs[l][i] += d
                for j, a in enumerate(a_s[l]):
                    dWs[l][i][j] += d * a
            dC_da = [sum((Ws[l][i][j] * delta[i] for i in range(len(delta))), ZERO) for j in range(len(a_s[l]))]
    return cost, dWs, dbs


def descend(Ws, bs, dWs, dbs, L):
    return ([[[w - L * d for w, d in zip(r, dr)] for r, dr in zip(W, dW)] for W, dW in zip(Ws, dWs)],
            [[b - L * d for b, d in zip(bb, db)] for bb, db in zip(bs, dbs)])


def dec(v):
    return [dec(x) for x in v] if isinstance(v, list) else Decimal(v)  # Decimal(float) is exact


def answer(request):
    method, p = request["method"], request["params"]
    if method == "activation":
        xs = dec(p["x"])
        return {"value": [f(p["name"], x) for x in xs], "derivative": [df(p["name"], x) for x in xs]}
    acts = p["network"]["activations"]
    Ws, bs = [dec(q["W"]) for q in p["params"]], [dec(q["b"]) for q in p["params"]]
    inputs = dec(p["inputs"])
    if method == "forward":
        per_sample = [forward(Ws, bs, acts, x) for x in inputs]
        return {"layers": [{"z": [z_s[l] for z_s, _ in per_sample], "a": [a_s[l + 1] for _, a_s in per_sample]}
                           for l in range(len(Ws))]}
    targets = dec(p["targets"])
    if method == "gradients":
        cost, dWs, dbs = gradients(Ws, bs, acts, inputs, targets)
        return {"cost": cost, "grads": [{"W": W, "b": b} for W, b in zip(dWs, dbs)]}
    L = dec(p["learningRate"])
    if method == "step":
        Ws, bs = descend(Ws, bs, *gradients(Ws, bs, acts, inputs, targets)[1:], L)
        return {"params": [{"W": W, "b": b} for W, b in zip(Ws, bs)]}
    costs = []
    for i in p["order"]:
        cost, dWs, dbs = gradients(Ws, bs, acts, [inputs[i]], [targets[i]])
        costs.append(cost)
        Ws, bs = descend(Ws, bs, dWs, dbs, L)
    return {"params": [{"W": W, "b": b} for W, b in zip(Ws, bs)], "costs": costs}


def stringify(v):
    if isinstance(v, dict):
        return {k: stringify(x) for k, x in v.items()}
    return [stringify(x) for x in v] if isinstance(v, list) else str(v)


json.dump([stringify(answer(request)) for request in json.load(sys.stdin)], sys.stdout)
