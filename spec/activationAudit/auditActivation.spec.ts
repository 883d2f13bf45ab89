import { describe, expect, it } from "vitest";
import { auditActivation, auditDomain, CORE_LIMIT, describeLossyRanges, type ActivationAudit } from "../../src/activationAudit/index.ts";
import { ImplementationError, type Implementation } from "../../src/implementation.ts";
import { ACTIVATION_TABLE, ELEMENTWISE_ACTIVATIONS, type ElementwiseActivation } from "../../src/family/index.ts";
import type { Activation } from "../../src/network/types.ts";
import { reference } from "../../src/reference/index.ts";
import { textbookImplementation } from "../support/textbookImplementation.ts";


/** An implementation whose `activation` is `f`/`df` element-wise (the other methods are not needed here). */
function activationOnly(dtype: "float64" | "float32", fns: Partial<Record<Activation, [(x: number) => number, (x: number) => number]>>): Implementation {
  const unsupported = async (): Promise<never> => {
    throw new ImplementationError("unsupported", "activation only");
  };
  return {
    hello: async () => ({ protocol: 1, name: "activation-only", dtype, methods: ["activation"], activations: Object.keys(fns) }),
    forward: unsupported, gradients: unsupported, step: unsupported, train: unsupported,
    activation: async ({ name, x }) => {
      const pair = fns[name];
      if (pair === undefined) throw new ImplementationError("unsupported", name);
      return { value: x.map(pair[0]), derivative: x.map(pair[1]) };
    },
  };
}

const audit = (impl: Implementation, name: Activation, dtype: "float64" | "float32" = "float64"): Promise<ActivationAudit> => auditActivation(impl, name, { dtype });
const lossyDerivative = (a: ActivationAudit) => a.derivative.lossy;

describe("auditActivation", () => {
  it("passes the float64 reference on every elementwise activation with at most a few ulps and no lossy range", async () => {
    for (const name of ELEMENTWISE_ACTIVATIONS.filter((f) => f !== "silu")) {
      const a = await audit(reference, name);
      expect(a.failures).toEqual([]);
      expect(a.ok).toBe(true);
      expect(a.points).toBe(auditDomain("float64", (ACTIVATION_TABLE[name] as ElementwiseActivation).audit.extraPoints).length);
      expect(a.value.worst!.ulps, name).toBeLessThanOrEqual(3);
      expect(a.derivative.worst!.ulps, name).toBeLessThanOrEqual(3);
      expect(describeLossyRanges(a)).toEqual([]);
    }
  });

  it("passes the reference's silu, reporting what z·σ(z) loses: subnormal results below −712 and silu′ beside its zero", async () => {
    const a = await audit(reference, "silu");
    expect(a.failures).toEqual([]);
    // silu(−745) ≈ −3.6e−321 has few bits left; silu′ = σ(1 + z·σ(−z)) cancels at z ≈ −1.28, where it is 0
    expect(describeLossyRanges(a).map((r) => r.replace(/ \(.*/, ""))).toEqual(["silu on [-746, -712]", "silu′ on [-746, -712]", "silu′ on x = -1.25"]);
  });

  it("passes simulated float32 arithmetic as float32, reporting where σ′ = σ(1 − σ) and 1 − tanh² lose accuracy in ulps", async () => {
    const f32 = textbookImplementation({ arithmetic: "float32" });
    for (const name of ELEMENTWISE_ACTIVATIONS) expect((await audit(f32, name, "float32")).failures, name).toEqual([]);
    const logistic = await audit(f32, "logistic", "float32");
    // σ rounds to 1 in float32 above x ≈ 17.3, so σ(1 − σ) is 0 there: the whole exact value lost, inside |x| ≤ 30.
    const large = lossyDerivative(logistic).find((r) => r.from <= 20 && r.to >= CORE_LIMIT);
    expect(large, describeLossyRanges(logistic).join("; ")).toBeDefined();
    expect(large!.worstUlps).toBeGreaterThan(1e6);
    expect(logistic.derivative.points.find((p) => p.x === 20)!.actual).toBe(0);
    expect(lossyDerivative(logistic).every((r) => r.from > 0)).toBe(true); // σ′ for x < 0 stays accurate
  });

  it("fails float32 arithmetic that declares float64, in the core domain", async () => {
    const a = await audit(textbookImplementation({ arithmetic: "float32", declaredDtype: "float64" }), "logistic");
    expect(a.ok).toBe(false);
    expect(a.failures[0]).toMatch(/^logistic\(x\) loses accuracy on the core domain \|x\| ≤ 30: \d+ points beyond 8 ulps \(float64\)/);
  });

  it("fails ReLU′(0) = 1 with its own message, and notes (not fails) relu(−0) = −0", async () => {
    const geq = activationOnly("float64", { relu: [(x) => (x > 0 ? x : 0), (x) => (x >= 0 ? 1 : 0)] });
    const a = await audit(geq, "relu");
    expect(a.ok).toBe(false);
    expect(a.failures[0]).toBe("ReLU′(-0) = 1, ReLU′(0) = 1 — ReLU′(0) = 1: nncheck's convention is ReLU′(0) = 0 (the seed's d_relu = x > 0)");
    expect(a.conventions.find((c) => c.kind === "relu-derivative-at-zero")!.ok).toBe(false);

    const negativeZero = activationOnly("float64", { relu: [(x) => (x < 0 ? 0 : x), (x) => (x > 0 ? 1 : 0)] });
    const b = await audit(negativeZero, "relu");
    expect(b.failures).toEqual([]);
    expect(b.notes).toEqual(["relu(±0) answered −0: numerically 0, allowed (−0 == 0 in every later sum)"]);
  });

  it("fails a ReLU that flushes tiny positive inputs to 0 (a threshold instead of the kink)", async () => {
    const threshold = activationOnly("float64", { relu: [(x) => (x > 1e-12 ? x : 0), (x) => (x > 1e-12 ? 1 : 0)] });
    const a = await audit(threshold, "relu");
    // relu′ is off by 1 (2^52 ulps of 1) at every flushed input; relu by x itself, more than 8 ulps from 8·2^−1074 up
    const domain = auditDomain("float64");
    const flushed = domain.filter((x) => x > 0 && x <= 1e-12).length;
    const flushedBeyond8 = domain.filter((x) => x > 8 * Number.MIN_VALUE && x <= 1e-12).length;
    expect(a.failures.map((f) => f.replace(/, worst.*/, ""))).toEqual([
      `relu(x) loses accuracy on the core domain |x| ≤ 30: ${flushedBeyond8} points beyond 8 ulps (float64) and the engine's absolute allowance`,
      `relu′(x) loses accuracy on the core domain |x| ≤ 30: ${flushed} points beyond 8 ulps (float64) and the engine's absolute allowance`,
    ]);
    expect(a.derivative.lossy.map((r) => [r.from, r.to, r.points])).toEqual([[Number.MIN_VALUE, 1e-12, flushed]]);
  });

  it("fails a naive logistic e^x/(1 + e^x) with the inputs where it is NaN", async () => {
    const naive = activationOnly("float64", { logistic: [(x) => Math.exp(x) / (1 + Math.exp(x)), (x) => Math.exp(x) / (1 + Math.exp(x)) ** 2] });
    const a = await audit(naive, "logistic");
    expect(a.ok).toBe(false);
    expect(a.value.nonFinite[0]).toBe(710);
    expect(a.value.nonFinite.at(-1)).toBe(1000);
    expect(a.failures[0]).toMatch(/^logistic\(x\) is not finite at \d+ inputs in \[710, 1000\] \(x = 710, /);
  });

  it("fails tanh = (e^2x − 1)/(e^2x + 1): cancellation near 0 in the core, NaN beyond 355", async () => {
    const tanh = (x: number) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1);
    const a = await audit(activationOnly("float64", { tanh: [tanh, (x) => 1 - tanh(x) ** 2] }), "tanh");
    expect(a.failures.some((f) => f.startsWith("tanh(x) is not finite"))).toBe(true);
    expect(a.failures.some((f) => f.startsWith("tanh(x) loses accuracy on the core domain"))).toBe(true);
    expect(a.value.coreViolations.every((p) => Math.abs(p.x) < 1)).toBe(true);
  });

  it("pins leaky_relu′(0) = 0.01 (the left derivative) and names the right one when it is answered", async () => {
    const right = activationOnly("float64", { leaky_relu: [(x) => (x > 0 ? x : 0.01 * x), (x) => (x >= 0 ? 1 : 0.01)] });
    const a = await audit(right, "leaky_relu");
    expect(a.failures).toEqual(["leaky_relu′(-0) = 1, leaky_relu′(0) = 1 — leaky_relu′(0) = 1: nncheck's convention is leaky_relu′(0) = 0.01 (the left derivative, as PyTorch)"]);
    const slope = activationOnly("float64", { leaky_relu: [(x) => (x > 0 ? x : 0.1 * x), (x) => (x > 0 ? 1 : 0.1)] });
    expect((await audit(slope, "leaky_relu")).failures.map((f) => f.replace(/:.*/, ""))).toEqual([
      "leaky_relu′(-0) = 0.1, leaky_relu′(0) = 0.1",
      "leaky_relu(x) loses accuracy on the core domain |x| ≤ 30",
      "leaky_relu′(x) loses accuracy on the core domain |x| ≤ 30",
    ]);
  });

  it("fails softplus = ln(1 + e^x), which overflows above 709.78, and PyTorch's threshold (x above 20) in the core", async () => {
    const naive = await audit(activationOnly("float64", { softplus: [(x) => Math.log(1 + Math.exp(x)), (x) => 1 / (1 + Math.exp(-x))] }), "softplus");
    expect(naive.value.nonFinite[0]).toBe(710);
    expect(naive.failures[0]).toMatch(/^softplus\(x\) is not finite at \d+ inputs in \[710, 1000\]/);
    const threshold = (x: number) => (x > 20 ? x : Math.log1p(Math.exp(x)));
    const torch = await audit(activationOnly("float64", { softplus: [threshold, (x) => 1 / (1 + Math.exp(-x))] }), "softplus");
    // softplus(20.1) = 20.1 + 1.9e−9: an approximation, not a rounding — reported and failed on |x| ≤ 30
    expect(torch.failures).toHaveLength(1);
    expect(torch.failures[0]).toMatch(/^softplus\(x\) loses accuracy on the core domain \|x\| ≤ 30: \d+ points/);
    expect(torch.value.coreViolations.every((p) => p.x > 20)).toBe(true);
  });

  it("passes PyTorch's silu, x/(1 + e^−x), which answers −0 below −709.78, reporting it as accuracy lost", async () => {
    const torch = activationOnly("float64", { silu: [(x) => x / (1 + Math.exp(-x)), (x) => { const s = 1 / (1 + Math.exp(-x)); return s * (1 + x * (1 - s)); }] });
    const a = await audit(torch, "silu");
    expect(a.failures).toEqual([]);
    expect(a.value.points.find((p) => p.x === -720)!.actual).toBe(-0);
    expect(a.value.lossy.some((r) => r.from <= -720 && r.to >= -712 && r.allZero)).toBe(true);
  });

  it("accepts σ′ = σ(1 − σ) in float64 absolutely, while reporting its lost ulps", async () => {
    const a = await audit(textbookImplementation({ arithmetic: "float64" }), "logistic");
    expect(a.ok).toBe(true);
    const range = lossyDerivative(a).find((r) => r.from < 10 && r.to > 700);
    expect(range, describeLossyRanges(a).join("; ")).toBeDefined();
  });
});
