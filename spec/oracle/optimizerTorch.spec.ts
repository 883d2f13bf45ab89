/**
 * The oracle's optimizers against PyTorch itself (torch.optim.SGD, Adam, AdamW in float64, gradients set by hand),
 * 10 steps of seeded gradients per configuration; skipped, saying so, where no python3 has torch.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Optimizer } from "../../src/implementation.ts";
import { createOracle, optimizerUpdate, type DecimalOptimizerState, type DecimalParams } from "../../src/oracle/index.ts";
import { createRng } from "../../src/random/rng.ts";

const PYTHON = ["python3", "/usr/bin/python3"].find((python) => spawnSync(python, ["-c", "import torch"], { timeout: 60_000 }).status === 0);

const SCRIPT = `
import json, sys, torch
torch.set_default_dtype(torch.float64)
out = []
for c in json.load(sys.stdin):
    p, o = torch.nn.Parameter(torch.tensor(c["theta"])), c["opt"]
    if o["name"] == "sgd": opt = torch.optim.SGD([p], lr=c["lr"], momentum=o["momentum"], dampening=o["dampening"], nesterov=o["nesterov"], weight_decay=o["weightDecay"])
    else: opt = (torch.optim.Adam if o["name"] == "adam" else torch.optim.AdamW)([p], lr=c["lr"], betas=(o["beta1"], o["beta2"]), eps=o["epsilon"], weight_decay=o["weightDecay"])
    steps = []
    for g in c["grads"]:
        p.grad = torch.tensor(g); opt.step(); steps.append(p.detach().tolist())
    out.append(steps)
print(json.dumps(out))
`;

const OPTIMIZERS: readonly Optimizer[] = [
  { name: "sgd", momentum: 0.9, dampening: 0.1, nesterov: false, weightDecay: 0.05 },
  { name: "sgd", momentum: 0.9, dampening: 0, nesterov: true, weightDecay: 0.05 },
  { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  { name: "adam", beta1: 0.9, beta2: 0.999, epsilon: 1e-3, weightDecay: 0.1 },
  { name: "adamw", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.05 },
];

describe.skipIf(PYTHON === undefined)(`the oracle's optimizers against PyTorch (${PYTHON ?? "no python3 with torch here: skipped"})`, () => {
  it("agree with torch.optim in float64 to 1e-13 over 10 steps, every configuration, tiny gradients and zeros among them", () => {
    const oracle = createOracle();
    const rng = createRng(5);
    const cases = OPTIMIZERS.map((opt) => ({ opt, lr: 0.05, theta: [0.3, -1.2, 0.7], grads: Array.from({ length: 10 }, () => [rng.uniform(-1, 1), rng.uniform(-1e-6, 1e-6), 0]) }));
    const run = spawnSync(PYTHON!, ["-c", SCRIPT], { input: JSON.stringify(cases), timeout: 120_000, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const torch = JSON.parse(run.stdout) as number[][][];
    const one = (xs: readonly number[]): DecimalParams => [{ W: [xs.map((x) => oracle.decimal(x))], b: [] }];
    cases.forEach((c, i) => {
      let params = one(c.theta);
      let state: DecimalOptimizerState = c.opt.name === "sgd" ? { momentumBuffer: null } : { step: 0, m: [], v: [] };
      c.grads.forEach((g, k) => {
        ({ params, state } = optimizerUpdate(oracle.D, c.opt, oracle.decimal(c.lr), params, one(g), state));
        params[0]!.W[0]!.forEach((x, j) => expect(Math.abs(x.toNumber() - torch[i]![k]![j]!), `${JSON.stringify(c.opt)} step ${k} entry ${j}`).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(torch[i]![k]![j]!))));
      });
    });
  });
});
